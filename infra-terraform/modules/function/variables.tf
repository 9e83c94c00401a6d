variable "name" {
  description = "Function name from topology.json (registration, wallet, ...); the Lambda is named <name_prefix>-<name>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "name is a topology function name: lower case letters, digits and dashes."
  }
}

variable "name_prefix" {
  description = "Prefix of every resource name of the environment, e.g. fairdraw-dev."
  type        = string
}

variable "description" {
  description = "What the function does, from topology.json."
  type        = string
}

variable "zip_path" {
  description = "Deployment zip: native-build/dist/<name>-<arch>.zip for provided.al2023, or the JVM function.zip for java21."
  type        = string
}

variable "runtime" {
  description = "provided.al2023 runs the native bootstrap; java21 runs the JVM build with SnapStart."
  type        = string
  default     = "provided.al2023"

  validation {
    condition     = contains(["provided.al2023", "java21"], var.runtime)
    error_message = "runtime is provided.al2023 (native) or java21 (JVM with SnapStart)."
  }
}

variable "architecture" {
  description = "Instruction set; a native zip must have been built for it (native-build/build.sh --arch)."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture is x86_64 or arm64."
  }
}

variable "handler" {
  description = "JVM handler from topology.json; the custom runtime ignores it."
  type        = string
}

variable "memory_mb" {
  description = "Memory of one execution environment, in MB (CPU scales with it)."
  type        = number

  validation {
    condition     = var.memory_mb >= 128 && var.memory_mb <= 10240
    error_message = "memory_mb is between 128 and 10240."
  }
}

variable "timeout_seconds" {
  description = "Longest a single invocation may run."
  type        = number

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 900
    error_message = "timeout_seconds is between 1 and 900."
  }
}

variable "reserved_concurrency" {
  description = "Cap on concurrent executions (topology reservedConcurrency); null leaves the function on the account's unreserved pool."
  type        = number
  default     = null

  validation {
    condition     = var.reserved_concurrency == null || try(var.reserved_concurrency >= 1 && var.reserved_concurrency <= 1000, false)
    error_message = "reserved_concurrency is null or between 1 and 1000."
  }
}

variable "environment" {
  description = "Environment variables: table names, identity settings, secrets read from Secrets Manager at apply time."
  type        = map(string)
  default     = {}
}

variable "environment_kms_key_arn" {
  description = "Customer managed key that encrypts the environment variables at rest (they carry provider secrets)."
  type        = string
}

variable "table_access" {
  description = "Tables the function touches, from topology.json: ARN, index ARNs and the access (read, append, update or write; topology.schema.json). The role is built from exactly this."
  type = map(object({
    access     = string
    table_arn  = string
    index_arns = list(string)
  }))

  validation {
    condition     = alltrue([for t in values(var.table_access) : contains(["read", "append", "update", "write"], t.access)])
    error_message = "Each table's access is read, append, update or write."
  }
}

variable "table_actions" {
  description = "The DynamoDB actions of each level of access: topology.json's tableAccess."
  type        = map(list(string))

  validation {
    condition     = alltrue([for level in ["read", "append", "update", "write"] : length(lookup(var.table_actions, level, [])) > 0])
    error_message = "table_actions names the actions of read, append, update and write."
  }

  # The ledger stays append-only whatever the list says: an append never rewrites or removes an item.
  validation {
    condition     = length(setintersection(toset(lookup(var.table_actions, "append", [])), toset(["dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]))) == 0
    error_message = "append access may not update, delete or batch-write items."
  }
}

variable "table_kms_key_arn" {
  description = "Customer managed key of the tables: DynamoDB uses it on the function's behalf, so the role may use it through DynamoDB only."
  type        = string
}

variable "extra_statements" {
  description = "Further IAM statements beyond the tables (a queue to send to, a KMS key for seeds); never a bare \"*\" action."
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
    conditions = optional(list(object({
      test     = string
      variable = string
      values   = list(string)
    })), [])
  }))
  default = []

  validation {
    condition     = alltrue([for s in var.extra_statements : !contains(s.actions, "*") && !contains(s.actions, "dynamodb:*") && !contains(s.actions, "kms:*")])
    error_message = "extra_statements name their actions; \"*\", \"dynamodb:*\" and \"kms:*\" are refused."
  }
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the function's logs."
  type        = number

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days is one of the values CloudWatch Logs accepts."
  }
}

variable "on_failure_destination_arn" {
  description = "SQS queue that receives asynchronous invocations (scheduler, events) that failed every retry; null for functions only invoked synchronously."
  type        = string
  default     = null
}

variable "async_max_retry_attempts" {
  description = "Retries Lambda makes of a failed asynchronous invocation before sending it to the failure destination."
  type        = number
  default     = 2

  validation {
    condition     = var.async_max_retry_attempts >= 0 && var.async_max_retry_attempts <= 2
    error_message = "async_max_retry_attempts is 0, 1 or 2."
  }
}

variable "tags" {
  description = "Tags added to every resource of the function."
  type        = map(string)
  default     = {}
}

variable "vpc" {
  description = "Private subnets and security groups when the function runs inside a VPC (the back office's, to reach its database); null outside any VPC."
  type = object({
    subnet_ids         = list(string)
    security_group_ids = list(string)
  })
  default = null
}

variable "stream_arns" {
  description = "DynamoDB table streams the function consumes through event source mappings."
  type        = list(string)
  default     = []
}
