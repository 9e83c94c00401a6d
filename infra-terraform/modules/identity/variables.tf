variable "name_prefix" {
  description = "Prefix of every resource name of the environment, e.g. fairdraw-dev."
  type        = string
}

variable "api_identifier" {
  description = "Identifier of the API as a Cognito resource server (its scopes are named <identifier>/<scope>), e.g. https://api.example.com."
  type        = string

  validation {
    condition     = can(regex("^https://", var.api_identifier))
    error_message = "api_identifier is an https URL."
  }
}

variable "web_callback_urls" {
  description = "Where the player web app receives the authorization code."
  type        = list(string)

  validation {
    condition     = length(var.web_callback_urls) > 0 && alltrue([for u in var.web_callback_urls : can(regex("^https://", u))])
    error_message = "web_callback_urls lists at least one https URL."
  }
}

variable "web_logout_urls" {
  description = "Where the web app may send a player after sign-out."
  type        = list(string)
}

variable "back_office_callback_urls" {
  description = "Where the operator and auditor console receives the authorization code: its own, never the player app's."
  type        = list(string)

  validation {
    condition     = length(var.back_office_callback_urls) > 0 && alltrue([for u in var.back_office_callback_urls : can(regex("^https://", u))])
    error_message = "back_office_callback_urls lists at least one https URL."
  }
}

variable "back_office_logout_urls" {
  description = "Where the console may send an operator or auditor after sign-out."
  type        = list(string)
}

variable "cli_callback_port" {
  description = "Loopback port the CLI listens on for the authorization code (RFC 8252)."
  type        = number
  default     = 8765

  validation {
    condition     = var.cli_callback_port >= 1024 && var.cli_callback_port <= 65535
    error_message = "cli_callback_port is an unprivileged port."
  }
}

variable "domain_prefix" {
  description = "Prefix of the hosted sign-in domain, <prefix>.auth.<region>.amazoncognito.com; globally unique."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", var.domain_prefix))
    error_message = "domain_prefix is lower case letters, digits and dashes."
  }
}

variable "deletion_protection_enabled" {
  description = "Refuse deleting the user pools (on in production: deleting a pool deletes every player's identity)."
  type        = bool
}

variable "tags" {
  description = "Tags added to every resource of the identity provider."
  type        = map(string)
  default     = {}
}
