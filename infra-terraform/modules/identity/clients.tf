# The API as a resource server, so access tokens name what they may do.
resource "aws_cognito_resource_server" "players" {
  identifier   = var.api_identifier
  name         = "${var.name_prefix}-api"
  user_pool_id = aws_cognito_user_pool.players.id

  scope {
    scope_name        = "play"
    scope_description = "Act as the signed-in player."
  }
}

resource "aws_cognito_resource_server" "staff" {
  identifier   = var.api_identifier
  name         = "${var.name_prefix}-api"
  user_pool_id = aws_cognito_user_pool.staff.id

  scope {
    scope_name        = "back-office"
    scope_description = "Act as the signed-in operator or auditor."
  }
}

# Public clients: no secret, authorization code with PKCE only (no implicit flow, no passwords
# through the client). Cognito requires PKCE for public clients using the code flow.
resource "aws_cognito_user_pool_client" "web" {
  name                                 = "${var.name_prefix}-web"
  user_pool_id                         = aws_cognito_user_pool.players.id
  generate_secret                      = false
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email", "${aws_cognito_resource_server.players.identifier}/play"]
  callback_urls                        = var.web_callback_urls
  logout_urls                          = var.web_logout_urls
  supported_identity_providers         = ["COGNITO"]
  explicit_auth_flows                  = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"]
  prevent_user_existence_errors        = "ENABLED"
  enable_token_revocation              = true
  access_token_validity                = 15
  id_token_validity                    = 15
  refresh_token_validity               = 30

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }
}

resource "aws_cognito_user_pool_client" "cli" {
  name                                 = "${var.name_prefix}-cli"
  user_pool_id                         = aws_cognito_user_pool.players.id
  generate_secret                      = false
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "${aws_cognito_resource_server.players.identifier}/play"]
  callback_urls                        = ["http://localhost:${var.cli_callback_port}/callback"]
  supported_identity_providers         = ["COGNITO"]
  explicit_auth_flows                  = ["ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors        = "ENABLED"
  enable_token_revocation              = true
  access_token_validity                = 15
  id_token_validity                    = 15
  refresh_token_validity               = 1

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }
}

resource "aws_cognito_user_pool_client" "back_office" {
  name                                 = "${var.name_prefix}-back-office"
  user_pool_id                         = aws_cognito_user_pool.staff.id
  generate_secret                      = false
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "${aws_cognito_resource_server.staff.identifier}/back-office"]
  callback_urls                        = var.back_office_callback_urls
  logout_urls                          = var.back_office_logout_urls
  supported_identity_providers         = ["COGNITO"]
  explicit_auth_flows                  = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"]
  prevent_user_existence_errors        = "ENABLED"
  enable_token_revocation              = true
  access_token_validity                = 15
  id_token_validity                    = 15
  refresh_token_validity               = 1

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }
}
