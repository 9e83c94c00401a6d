# Two user pools. Players sign themselves up and may turn on MFA; operators and auditors are
# created by an administrator in a pool where Cognito itself requires MFA at every sign-in.
# A role-dependent MFA rule inside one pool would need a custom auth flow or a trigger that
# Fairdraw would have to write and keep correct; a pool whose MFA setting is ON cannot be
# talked out of it. The price: staff tokens have another issuer (docs/deploy.md, Identity).

resource "aws_cognito_user_pool" "players" {
  name                = "${var.name_prefix}-players"
  deletion_protection = var.deletion_protection_enabled ? "ACTIVE" : "INACTIVE"
  # Threat protection (compromised credentials, adaptive authentication) needs the Plus tier.
  user_pool_tier           = "PLUS"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  mfa_configuration        = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }

  password_policy {
    minimum_length                   = 12
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = false
    temporary_password_validity_days = 3
    password_history_size            = 5
  }

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  tags = var.tags
}

resource "aws_cognito_user_pool" "staff" {
  name                = "${var.name_prefix}-staff"
  deletion_protection = var.deletion_protection_enabled ? "ACTIVE" : "INACTIVE"
  user_pool_tier      = "PLUS"
  username_attributes = ["email"]
  mfa_configuration   = "ON"

  software_token_mfa_configuration {
    enabled = true
  }

  admin_create_user_config {
    allow_admin_create_user_only = true
  }

  password_policy {
    minimum_length                   = 14
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = 1
    password_history_size            = 10
  }

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "admin_only"
      priority = 1
    }
  }

  tags = var.tags
}

resource "aws_cognito_user_group" "staff" {
  for_each = {
    operator = "Operators: case actions, reviews, configuration proposals."
    auditor  = "Auditors: read-only access to draws, proofs and the audit trail."
  }

  name         = each.key
  user_pool_id = aws_cognito_user_pool.staff.id
  description  = each.value
}

resource "aws_cognito_user_pool_domain" "players" {
  domain       = var.domain_prefix
  user_pool_id = aws_cognito_user_pool.players.id
}

resource "aws_cognito_user_pool_domain" "staff" {
  domain       = "${var.domain_prefix}-staff"
  user_pool_id = aws_cognito_user_pool.staff.id
}
data "aws_region" "current" {}
