variable "name" {
  description = "Physical table name, <name_prefix>-<logical name>."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_.-]{3,255}$", var.name))
    error_message = "name is a valid DynamoDB table name (3 to 255 of a-z, A-Z, 0-9, _ . -)."
  }
}

variable "range_key_enabled" {
  description = "Whether the table has the sort key sk besides the partition key pk (Table.hasSortKey)."
  type        = bool
}

variable "indexes" {
  description = "Global secondary indexes with string keys, projecting every attribute (Table.Index)."
  type = list(object({
    name      = string
    hash_key  = string
    range_key = string
  }))
  default = []
}

variable "stream_enabled" {
  description = "Whether the table has a stream of new and old images (Table.streamed): pipes and the audit trail read it."
  type        = bool
}

variable "ttl_attribute" {
  description = "Attribute holding the epoch-seconds expiry of an item, or null when items never expire (Table.ttlAttribute)."
  type        = string
  default     = null
}

variable "kms_key_arn" {
  description = "Customer managed key that encrypts the table, its stream and its backups."
  type        = string
}

variable "deletion_protection_enabled" {
  description = "Refuse DeleteTable until this is turned off (on in production)."
  type        = bool
}

variable "tags" {
  description = "Tags added to the table."
  type        = map(string)
  default     = {}
}
