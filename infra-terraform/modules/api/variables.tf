variable "name_prefix" {
  description = "Prefix of every resource name of the environment, e.g. fairdraw-dev."
  type        = string
}

variable "routes" {
  description = "The routes of topology.json, as they are: each becomes one API Gateway route."
  type = list(object({
    method   = string
    path     = string
    function = string
    auth     = string
    roles    = optional(list(string), [])
  }))

  validation {
    condition     = alltrue([for r in var.routes : contains(["public", "jwt", "authorizer", "signature"], r.auth)])
    error_message = "Each route's auth is public, jwt, authorizer or signature."
  }

  validation {
    condition     = length(distinct([for r in var.routes : "${r.method} ${r.path}"])) == length(var.routes)
    error_message = "Two routes have the same method and path."
  }
}

variable "authorizer" {
  description = "The authorizer of topology.json: the REQUEST authorizer of every route whose auth is authorizer."
  type = object({
    function             = string
    payloadFormatVersion = string
    simpleResponses      = bool
    identitySources      = list(string)
    resultTtlSeconds     = number
  })

  validation {
    condition     = var.authorizer.resultTtlSeconds >= 0 && var.authorizer.resultTtlSeconds <= 3600
    error_message = "resultTtlSeconds is between 0 and 3600."
  }
}

variable "functions" {
  description = "Every function a route or the authorizer names, by topology name: its name and live alias."
  type = map(object({
    function_name    = string
    alias_name       = string
    alias_invoke_arn = string
  }))
}

variable "domain_name" {
  description = "Custom domain of the API, the same name CloudFront serves (the default execute-api endpoint is disabled)."
  type        = string
}

variable "hosted_zone_id" {
  description = "Route 53 public hosted zone of domain_name, for the certificate's DNS validation."
  type        = string
}

variable "throttling" {
  description = "Stage-wide throttling: steady requests per second and burst."
  type = object({
    rate_limit  = number
    burst_limit = number
  })

  validation {
    condition     = var.throttling.rate_limit > 0 && var.throttling.burst_limit > 0
    error_message = "Both throttling limits are positive."
  }
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the access logs."
  type        = number
}

variable "tags" {
  description = "Tags added to every resource of the API."
  type        = map(string)
  default     = {}
}
