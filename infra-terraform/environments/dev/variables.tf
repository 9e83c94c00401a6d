variable "region" {
  description = "AWS Region of the environment (CloudFront's pieces go to us-east-1 regardless)."
  type        = string
  default     = "ap-southeast-3"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region is an AWS Region name, e.g. ap-southeast-3."
  }
}

variable "lambda_runtime" {
  description = "provided.al2023 (native zips) or java21 (JVM zips with SnapStart)."
  type        = string
  default     = "provided.al2023"

  validation {
    condition     = contains(["provided.al2023", "java21"], var.lambda_runtime)
    error_message = "lambda_runtime is provided.al2023 or java21."
  }
}

variable "lambda_architecture" {
  description = "Instruction set of the functions; must match native-build/build.sh --arch."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.lambda_architecture)
    error_message = "lambda_architecture is x86_64 or arm64."
  }
}

variable "domain_name" {
  description = "Public name of the API, in hosted_zone_id."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 public hosted zone holding domain_name."
  type        = string
}

variable "allowed_countries" {
  description = "Countries CloudFront serves (ISO 3166-1 alpha-2)."
  type        = list(string)
  default     = ["ID"]
}

variable "waf" {
  description = "Edge limits: requests per IP in five minutes, largest body in bytes."
  type = object({
    rate_limit_per_5_minutes = number
    max_body_bytes           = number
  })
  default = {
    rate_limit_per_5_minutes = 1000
    max_body_bytes           = 16384
  }
}

variable "api_throttling" {
  description = "API Gateway stage throttling: steady requests per second and burst."
  type = object({
    rate_limit  = number
    burst_limit = number
  })
  default = {
    rate_limit  = 200
    burst_limit = 100
  }
}

variable "key_administrator_arns" {
  description = "IAM principals that administer the KMS keys: the deployment role and break-glass administrators."
  type        = list(string)
}

variable "payment_providers" {
  description = "Payment providers enabled in this environment."
  type        = list(string)
  default     = ["sandbox"]
}

variable "payments_return_url" {
  description = "The web app's wallet page, where a provider's payment page returns the player."
  type        = string
}

variable "drand" {
  description = "drand chain (quicknet by default) and the relays tried in order."
  type = object({
    chain_hash = string
    urls       = list(string)
  })
  default = {
    chain_hash = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971"
    urls       = ["https://api.drand.sh", "https://drand.cloudflare.com"]
  }
}

variable "schedules_enabled" {
  description = "Whether the draw schedules fire."
  type        = bool
  default     = true
}

variable "identity" {
  description = "Hosted sign-in domain prefix (globally unique), the player web app's and the back-office console's callback and logout URLs."
  type = object({
    domain_prefix             = string
    web_callback_urls         = list(string)
    web_logout_urls           = list(string)
    back_office_callback_urls = list(string)
    back_office_logout_urls   = list(string)
  })
}

variable "audit_retention_days" {
  description = "Days each audit archive object is locked."
  type        = number
  default     = 30
}

variable "backup" {
  description = "Daily AWS Backup plan: cron schedule (UTC) and days kept."
  type = object({
    schedule       = string
    retention_days = number
  })
  default = {
    schedule       = "cron(0 18 * * ? *)"
    retention_days = 7
  }
}

variable "backoffice_enabled" {
  description = "Create the back office database and its network (Aurora Serverless v2, RDS Proxy, VPC endpoints; costs money idle, docs/deploy.md). The back-office functions need it."
  type        = bool
  default     = true
}

variable "alarm_email" {
  description = "Address that receives the alarms."
  type        = string
}
