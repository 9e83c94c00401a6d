output "api_url" {
  description = "Public base URL of the API (CloudFront)."
  value       = module.stack.api_url
}

output "issuer" {
  description = "OIDC issuer of player tokens."
  value       = module.stack.issuer
}

output "staff_issuer" {
  description = "OIDC issuer of operator and auditor tokens."
  value       = module.stack.staff_issuer
}

output "web_client_id" {
  description = "App client id of the player web app."
  value       = module.stack.web_client_id
}

output "webapp_config" {
  description = "The player web app's config.json: terraform output -json webapp_config > webapp/dist/config.json (docs/deploy.md)."
  value       = module.stack.webapp_config
}

output "cli_client_id" {
  description = "App client id of command-line tools."
  value       = module.stack.cli_client_id
}

output "hosted_ui_base_url" {
  description = "Base URL of the players' hosted sign-in."
  value       = module.stack.hosted_ui_base_url
}

output "table_names" {
  description = "Physical name of each table, by logical name."
  value       = module.stack.table_names
}

output "function_names" {
  description = "Lambda function name of each topology function."
  value       = module.stack.function_names
}

output "dlq_names" {
  description = "Every dead-letter queue, by role."
  value       = module.stack.dlq_names
}

output "queue_urls" {
  description = "URL of each consumer queue."
  value       = module.stack.queue_urls
}

output "audit_bucket_name" {
  description = "S3 audit archive."
  value       = module.stack.audit_bucket_name
}

output "backup_vault_name" {
  description = "AWS Backup vault."
  value       = module.stack.backup_vault_name
}

output "dashboard_name" {
  description = "CloudWatch dashboard."
  value       = module.stack.dashboard_name
}

output "webapp_bucket" {
  description = "Bucket the web app's build is copied to (aws s3 sync webapp/dist s3://<bucket>/)."
  value       = module.stack.webapp_bucket
}

output "distribution_id" {
  description = "CloudFront distribution id, for invalidating the web app after a release."
  value       = module.stack.distribution_id
}
