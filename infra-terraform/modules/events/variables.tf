variable "name_prefix" {
  description = "Prefix of every resource name of the environment, e.g. fairdraw-dev."
  type        = string
}

variable "pipes" {
  description = "The pipes of topology.json, with the filter already JSON-encoded: table stream to bus, one event type each."
  type = list(object({
    name           = string
    table          = string
    source         = string
    detail_type    = string
    filter_pattern = string
    input_template = string
  }))
}

variable "table_streams" {
  description = "Stream ARN of each streamed table, by logical table name."
  type        = map(string)
}

variable "table_kms_key_arn" {
  description = "Customer managed key of the tables: reading a stream decrypts with it."
  type        = string
}

variable "messages_kms_key_arn" {
  description = "Customer managed key of the queues, the bus and its archive; its policy lets EventBridge use it (modules/data)."
  type        = string
}

variable "event_rules" {
  description = "The eventRules of topology.json: a bus rule per source and detail-type, to a queue."
  type = list(object({
    name       = string
    source     = string
    detailType = string
    target     = string
  }))
}

variable "queues" {
  description = "The queues of topology.json: consumed by a function, with their visibility timeout and the deliveries before the dead-letter queue."
  type = list(object({
    name                     = string
    function                 = string
    visibilityTimeoutSeconds = number
    maxReceiveCount          = number
  }))

  validation {
    condition     = alltrue([for q in var.queues : q.maxReceiveCount >= 1 && q.maxReceiveCount <= 100])
    error_message = "maxReceiveCount is between 1 and 100."
  }
}

variable "consumers" {
  description = "Function a queue may name, by topology name: its live alias and its timeout (a queue's visibility timeout must cover it)."
  type = map(object({
    alias_arn       = string
    timeout_seconds = number
  }))
}

variable "queue_batch_size" {
  description = "Messages handed to one invocation of a queue's consumer."
  type        = number
  default     = 10

  validation {
    condition     = var.queue_batch_size >= 1 && var.queue_batch_size <= 10
    error_message = "queue_batch_size is between 1 and 10 (no batching window is set)."
  }
}

variable "archive_retention_days" {
  description = "How long the bus archive keeps events for replay."
  type        = number
  default     = 30

  validation {
    condition     = var.archive_retention_days >= 1
    error_message = "archive_retention_days is at least 1."
  }
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the pipes' error logs."
  type        = number
}

variable "tags" {
  description = "Tags added to every resource of the event path."
  type        = map(string)
  default     = {}
}
