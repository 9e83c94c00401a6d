variable "name_prefix" {
  description = "Prefix of every resource name of the environment, e.g. fairdraw-dev."
  type        = string
}

variable "domain_name" {
  description = "Public name of the API (CloudFront's alias and the API's custom domain)."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 public hosted zone of domain_name."
  type        = string
}

variable "origin_domain_name" {
  description = "Regional domain that serves the API's custom domain (the api module's origin_domain_name)."
  type        = string
}

variable "allowed_countries" {
  description = "ISO 3166-1 alpha-2 countries the web ACL serves; every other country gets 403 at the edge, except on the payment providers' webhook paths. The authorizer still applies the jurisdiction catalogue."
  type        = list(string)

  validation {
    condition     = length(var.allowed_countries) > 0 && alltrue([for c in var.allowed_countries : can(regex("^[A-Z]{2}$", c))])
    error_message = "allowed_countries lists at least one upper-case two-letter country code."
  }
}

variable "waf" {
  description = "Web ACL limits: requests per IP in five minutes, and the largest request body accepted, in bytes."
  type = object({
    rate_limit_per_5_minutes = number
    max_body_bytes           = number
  })

  validation {
    condition     = var.waf.rate_limit_per_5_minutes >= 10 && var.waf.rate_limit_per_5_minutes <= 2000000000
    error_message = "rate_limit_per_5_minutes is between 10 and 2,000,000,000 (WAF's bounds)."
  }

  validation {
    condition     = var.waf.max_body_bytes >= 1024 && var.waf.max_body_bytes <= 16384
    error_message = "max_body_bytes is between 1 KiB and 16 KiB, the body CloudFront's WAF inspects by default."
  }
}

variable "origin_secret_rotation_days" {
  description = "Days between two rotations of the origin secret; each value is accepted for two of them."
  type        = number
  default     = 90

  validation {
    condition     = var.origin_secret_rotation_days >= 1 && var.origin_secret_rotation_days <= 365
    error_message = "origin_secret_rotation_days is between 1 and 365."
  }
}

variable "secrets_kms_key_arn" {
  description = "Customer managed key that encrypts the origin secret in Secrets Manager."
  type        = string
}

variable "price_class" {
  description = "CloudFront price class: which edge locations serve the API."
  type        = string
  default     = "PriceClass_200"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class is PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

variable "tags" {
  description = "Tags added to every resource of the edge."
  type        = map(string)
  default     = {}
}

variable "production" {
  description = "Whether this is production: the web app's bucket then keeps its objects when the stack is destroyed."
  type        = bool
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the web ACL's request log."
  type        = number
}
