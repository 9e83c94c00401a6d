output "api_url" {
  description = "Public base URL of the API (CloudFront)."
  value       = module.edge.api_url
}

output "issuer" {
  description = "OIDC issuer of player tokens."
  value       = module.identity.issuer
}

output "staff_issuer" {
  description = "OIDC issuer of operator and auditor tokens."
  value       = module.identity.staff_issuer
}

output "web_client_id" {
  description = "App client id of the player web app."
  value       = module.identity.web_client_id
}

output "webapp_config" {
  description = "The player web app's config.json (docs/webapp.md): the players' issuer, the web client and exactly the scopes that client may ask for, Cognito's logout endpoint."
  value = {
    authority        = module.identity.issuer
    clientId         = module.identity.web_client_id
    scope            = module.identity.web_client_scopes
    accountUrl       = null
    otpSetupAction   = null
    logoutUrl        = "${module.identity.hosted_ui_base_url}/logout?client_id=${module.identity.web_client_id}&logout_uri=${urlencode("${module.edge.api_url}/")}"
    allowLocalBeacon = false
  }
}

output "cli_client_id" {
  description = "App client id of command-line tools."
  value       = module.identity.cli_client_id
}

output "hosted_ui_base_url" {
  description = "Base URL of the players' hosted sign-in."
  value       = module.identity.hosted_ui_base_url
}

output "table_names" {
  description = "Physical name of each table, by logical name."
  value       = { for name, t in module.table : name => t.table_name }
}

output "function_names" {
  description = "Lambda function name of each topology function."
  value       = { for name, f in module.function : name => f.function_name }
}

output "route_keys" {
  description = "Every route key of the API, as built from topology.json."
  value       = module.api.route_keys
}

output "queue_urls" {
  description = "URL of each consumer queue."
  value       = module.events.queue_urls
}

output "dlq_names" {
  description = "Every dead-letter queue, by role."
  value       = merge(module.events.dlq_names, { schedules = module.scheduler.dlq_name })
}

output "schedule_group_name" {
  description = "Schedule group of the draw steps."
  value       = module.scheduler.schedule_group_name
}

output "audit_bucket_name" {
  description = "S3 audit archive."
  value       = module.data.audit_bucket_name
}

output "backup_vault_name" {
  description = "AWS Backup vault."
  value       = module.data.backup_vault_name
}

output "distribution_id" {
  description = "CloudFront distribution id."
  value       = module.edge.distribution_id
}

output "webapp_bucket" {
  description = "Bucket the web app's build is copied to (aws s3 sync webapp/dist s3://<bucket>/)."
  value       = module.edge.webapp_bucket
}

output "dashboard_name" {
  description = "CloudWatch dashboard of the environment."
  value       = module.observability.dashboard_name
}
