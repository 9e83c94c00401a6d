variable "now" {
  description = "The time to rotate at, RFC 3339 (plantimestamp() in a plan)."
  type        = string

  validation {
    condition     = can(formatdate("YYYY", var.now))
    error_message = "now is an RFC 3339 timestamp."
  }
}

variable "period_days" {
  description = "Days between two rotations; each value is accepted for two periods."
  type        = number

  validation {
    condition     = var.period_days >= 1 && floor(var.period_days) == var.period_days
    error_message = "period_days is a whole number of days, at least 1."
  }
}
