variable "name_prefix" {
  description = "Prefix of every resource name of the environment, e.g. fairdraw-dev."
  type        = string
}

variable "function_names" {
  description = "Lambda function name of each topology function, by topology name."
  type        = map(string)
}

variable "dlq_names" {
  description = "Every dead-letter queue, by role; any message in one is an alarm."
  type        = map(string)
}

variable "settlement_queue_name" {
  description = "Queue of draws and parts waiting to be settled: the age of its oldest message is the settlement lag."
  type        = string
}

variable "settlement_lag_alarm_seconds" {
  description = "Oldest unsettled message age that raises the settlement-lag alarm."
  type        = number
  default     = 1800

  validation {
    condition     = var.settlement_lag_alarm_seconds >= 60
    error_message = "settlement_lag_alarm_seconds is at least 60."
  }
}

variable "api_id" {
  description = "Id of the HTTP API, for the dashboard."
  type        = string
}

variable "alarm_email" {
  description = "Address that receives alarms (confirm the SNS subscription it is sent)."
  type        = string

  validation {
    condition     = can(regex("^[^@ ]+@[^@ ]+$", var.alarm_email))
    error_message = "alarm_email is an e-mail address."
  }
}

variable "kms_key_arn" {
  description = "Key that encrypts the alarm topic."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource of the monitoring."
  type        = map(string)
  default     = {}
}

variable "trail_retention_days" {
  description = "Days the CloudTrail log files (and their digests) are kept."
  type        = number
  default     = 2557

  validation {
    condition     = var.trail_retention_days >= 365
    error_message = "trail_retention_days keeps at least a year of the trail."
  }
}
