variable "name_prefix" {
  description = "Prefix of every resource name, e.g. fairdraw-dev; one environment per prefix and account."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,20}$", var.name_prefix))
    error_message = "name_prefix is 3 to 21 lower case letters, digits and dashes."
  }
}

variable "production" {
  description = "Production settings: deletion protection on tables, user pools and the database, COMPLIANCE object lock, final snapshots."
  type        = bool
}

variable "topology_path" {
  description = "Path of infra-terraform/topology.json, the source of functions, routes, schedules, pipes, event rules and queues."
  type        = string
}

variable "dist_dir" {
  description = "Directory holding the deployment zips: <name>-<arch>.zip (native) or <name>-jvm.zip (JVM)."
  type        = string
}

variable "lambda_runtime" {
  description = "provided.al2023 for the native zips of native-build/build.sh, java21 for JVM zips with SnapStart."
  type        = string

  validation {
    condition     = contains(["provided.al2023", "java21"], var.lambda_runtime)
    error_message = "lambda_runtime is provided.al2023 or java21."
  }
}

variable "lambda_architecture" {
  description = "Instruction set of every function; native zips must have been built with build.sh --arch <this> (arm64 needs an arm64 build host or emulation)."
  type        = string

  validation {
    condition     = contains(["x86_64", "arm64"], var.lambda_architecture)
    error_message = "lambda_architecture is x86_64 or arm64."
  }
}

variable "domain_name" {
  description = "Public name of the API, e.g. api.dev.example.com, in hosted_zone_id."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+\\.[a-z]{2,}$", var.domain_name))
    error_message = "domain_name is a lower-case DNS name."
  }
}

variable "hosted_zone_id" {
  description = "Route 53 public hosted zone that holds domain_name."
  type        = string
}

variable "allowed_countries" {
  description = "Countries CloudFront serves (ISO 3166-1 alpha-2); the jurisdiction catalogue still decides who may play."
  type        = list(string)
}

variable "waf" {
  description = "Edge limits: requests per IP in five minutes and the largest body in bytes."
  type = object({
    rate_limit_per_5_minutes = number
    max_body_bytes           = number
  })
}

variable "api_throttling" {
  description = "API Gateway stage throttling: steady requests per second and burst."
  type = object({
    rate_limit  = number
    burst_limit = number
  })
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps every log group of the environment."
  type        = number

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days is one of the values CloudWatch Logs accepts."
  }
}

variable "key_administrator_arns" {
  description = "IAM principals allowed to administer (not use) the KMS keys."
  type        = list(string)
}

variable "payment_providers" {
  description = "Payment providers the wallet and payout use (fairdraw.payments.enabled); each has a secret in Secrets Manager."
  type        = list(string)

  validation {
    condition     = length(var.payment_providers) > 0
    error_message = "Enable at least one payment provider."
  }
}

variable "payments_return_url" {
  description = "Where a provider's hosted payment page returns the player (the web app's wallet page)."
  type        = string
}

variable "drand" {
  description = "drand chain the draws take their beacon from, and the relays tried in order."
  type = object({
    chain_hash = string
    urls       = list(string)
  })

  validation {
    condition     = can(regex("^[0-9a-f]{64}$", var.drand.chain_hash)) && length(var.drand.urls) >= 2
    error_message = "drand.chain_hash is 64 hex digits, and at least two relays are named."
  }
}

variable "schedules_enabled" {
  description = "Whether the draw schedules fire."
  type        = bool
  default     = true
}

variable "identity" {
  description = "Sign-in: hosted UI domain prefix, the player web app's and the back-office console's callback and logout URLs."
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
}

variable "backup" {
  description = "Daily AWS Backup plan: cron schedule (UTC) and days kept."
  type = object({
    schedule       = string
    retention_days = number
  })
}

variable "backoffice_enabled" {
  description = "Create the back office's Aurora, RDS Proxy, VPC and endpoints."
  type        = bool
}

variable "alarm_email" {
  description = "Address that receives the alarms."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
