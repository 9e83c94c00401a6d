variable "name_prefix" {
  description = "Prefix of every resource name of the environment, e.g. fairdraw-dev."
  type        = string
}

variable "production" {
  description = "Production settings: deletion protection, COMPLIANCE-mode object lock, longer retention, final snapshots."
  type        = bool
}

variable "draw_function_role_arn" {
  description = "Role of the draw function: the only principal the seeds key admits for Encrypt and Decrypt."
  type        = string
}

variable "key_administrator_arns" {
  description = "IAM principals that administer the keys (no use of them): the deployment role, break-glass admins."
  type        = list(string)

  validation {
    condition     = length(var.key_administrator_arns) > 0
    error_message = "Name at least one key administrator, or the keys become unmanageable."
  }
}

variable "payment_providers" {
  description = "Payment providers with credentials in Secrets Manager, e.g. [\"sandbox\", \"adyen\"]; values are put by an operator, never by Terraform."
  type        = list(string)

  validation {
    condition     = alltrue([for p in var.payment_providers : can(regex("^[a-z][a-z0-9-]*$", p))])
    error_message = "Provider names are lower case letters, digits and dashes."
  }
}

variable "audit_retention_days" {
  description = "Days an audit object is locked against deletion and overwrite (regulators commonly ask for 5 to 7 years)."
  type        = number

  validation {
    condition     = var.audit_retention_days >= 1 && var.audit_retention_days <= 36500
    error_message = "audit_retention_days is between 1 and 36500."
  }
}

variable "backup" {
  description = "AWS Backup plan: cron schedule (UTC), days a recovery point is kept, and the resources it covers (table ARNs)."
  type = object({
    schedule       = string
    retention_days = number
    resource_arns  = list(string)
  })

  validation {
    condition     = can(regex("^cron\\(.+\\)$", var.backup.schedule)) && var.backup.retention_days >= 1
    error_message = "backup.schedule is a cron() expression and retention_days at least 1."
  }
}

variable "backoffice_enabled" {
  description = "Create the back office's Aurora PostgreSQL, RDS Proxy, VPC and endpoints, which backoffice-projector and backoffice-api use (idle cost in docs/deploy.md)."
  type        = bool
}

variable "backoffice_database_users" {
  description = "Database roles the back office functions log in as (topology.json's databaseUser), made by db/roles.sql; the proxy may connect as these only."
  type        = set(string)
  default     = []

  validation {
    condition     = alltrue([for u in var.backoffice_database_users : can(regex("^fairdraw_[a-z]+$", u))])
    error_message = "Database users are the roles db/roles.sql makes (fairdraw_...), never the master user."
  }
}

variable "backoffice" {
  description = "Back office database: VPC CIDR, Aurora Serverless v2 capacity in ACUs (0 pauses when idle), PostgreSQL engine version."
  type = object({
    vpc_cidr       = optional(string, "10.40.0.0/16")
    min_acu        = optional(number, 0)
    max_acu        = optional(number, 4)
    engine_version = optional(string, "16.6")
  })
  default = {}

  validation {
    condition     = var.backoffice.min_acu >= 0 && var.backoffice.max_acu >= 1 && var.backoffice.max_acu <= 256 && var.backoffice.min_acu <= var.backoffice.max_acu
    error_message = "0 <= min_acu <= max_acu <= 256, and max_acu is at least 1."
  }
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the database's logs."
  type        = number
}

variable "tags" {
  description = "Tags added to every resource of the data layer."
  type        = map(string)
  default     = {}
}
