output "issuer" {
  description = "OIDC issuer of player tokens: what every function and the authorizer trust."
  value       = "https://${aws_cognito_user_pool.players.endpoint}"
}

output "jwks_url" {
  description = "Key set of the player issuer."
  value       = "https://${aws_cognito_user_pool.players.endpoint}/.well-known/jwks.json"
}

output "player_client_ids" {
  description = "The app clients whose player tokens the functions accept in client_id (Cognito access tokens carry no aud): the web app's and the CLI's."
  value       = [aws_cognito_user_pool_client.web.id, aws_cognito_user_pool_client.cli.id]
}

output "player_scope" {
  description = "The scope a player's access token must have been granted."
  value       = "${aws_cognito_resource_server.players.identifier}/play"
}

output "staff_scope" {
  description = "The scope an operator's or auditor's access token must have been granted."
  value       = "${aws_cognito_resource_server.staff.identifier}/back-office"
}

output "web_client_id" {
  description = "App client of the player web app (authorization code with PKCE)."
  value       = aws_cognito_user_pool_client.web.id
}

output "web_client_scopes" {
  description = "The scopes the player web app may ask for, space-separated as an authorization request takes them: exactly the web client's allowed OAuth scopes."
  value       = join(" ", sort(aws_cognito_user_pool_client.web.allowed_oauth_scopes))
}

output "cli_client_id" {
  description = "App client of command-line tools (authorization code with PKCE on a loopback redirect)."
  value       = aws_cognito_user_pool_client.cli.id
}

output "hosted_ui_base_url" {
  description = "Base URL of the players' hosted sign-in (its /oauth2/authorize and /oauth2/token endpoints)."
  value       = "https://${aws_cognito_user_pool_domain.players.domain}.auth.${data.aws_region.current.region}.amazoncognito.com"
}

output "players_user_pool_id" {
  description = "Id of the players' user pool."
  value       = aws_cognito_user_pool.players.id
}

output "staff_issuer" {
  description = "OIDC issuer of operator and auditor tokens (MFA always required)."
  value       = "https://${aws_cognito_user_pool.staff.endpoint}"
}

output "staff_jwks_url" {
  description = "Key set of the staff issuer."
  value       = "https://${aws_cognito_user_pool.staff.endpoint}/.well-known/jwks.json"
}

output "staff_user_pool_id" {
  description = "Id of the staff user pool, where administrators create operators and auditors."
  value       = aws_cognito_user_pool.staff.id
}

output "back_office_client_id" {
  description = "App client of the back office (authorization code with PKCE)."
  value       = aws_cognito_user_pool_client.back_office.id
}
