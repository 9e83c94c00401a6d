variable "name_prefix" {
  description = "Prefix of every resource name of the environment, e.g. fairdraw-dev."
  type        = string
}

variable "schedules" {
  description = "The schedules of topology.json: one recurring EventBridge Scheduler schedule each, in its time zone."
  type = list(object({
    name       = string
    function   = string
    expression = string
    timeZone   = string
    input      = optional(map(string), {})
  }))

  validation {
    condition     = alltrue([for s in var.schedules : can(regex("^(cron|rate)\\(.+\\)$", s.expression))])
    error_message = "Each expression is cron(...) or rate(...)."
  }
}

variable "targets" {
  description = "Function a schedule may name, by topology name: the ARN of its live alias."
  type = map(object({
    alias_arn = string
  }))
}

variable "messages_kms_key_arn" {
  description = "Customer managed key of the dead-letter queue (the platform's data key)."
  type        = string
}

variable "enabled" {
  description = "Whether the schedules fire; off stops every draw step (a frozen environment)."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags added to every resource of the scheduler."
  type        = map(string)
  default     = {}
}
