output "data_key_arn" {
  description = "ARN of the data key: tables, streams, backups, secrets, Lambda environments, the audit archive."
  value       = aws_kms_key.data.arn
}

output "seeds_key_arn" {
  description = "ARN of the key that seals draw seeds."
  value       = aws_kms_key.seeds.arn
}

output "provider_secret_arns" {
  description = "Secrets Manager secret of each payment provider, by provider name."
  value       = { for k, s in aws_secretsmanager_secret.provider : k => s.arn }
}

output "audit_bucket_name" {
  description = "Name of the S3 audit archive (object lock on)."
  value       = aws_s3_bucket.audit.id
}

output "backup_vault_name" {
  description = "AWS Backup vault holding the daily recovery points."
  value       = aws_backup_vault.this.name
}

output "backoffice_proxy_endpoint" {
  description = "Endpoint of the back office database's RDS Proxy, or null when the back office is not deployed."
  value       = one(aws_db_proxy.backoffice[*].endpoint)
}

output "backoffice_database" {
  description = "How the back office functions reach their database (private subnets, security group, proxy, the prefix of their rds-db:connect ARN), or null when the back office is not deployed. Available once the database roles are made."
  value = var.backoffice_enabled ? {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.backoffice_functions[0].id]
    # Added for the functions that serve HTTP: HTTPS out through the NAT gateway (Cognito's keys).
    internet_security_group_id = aws_security_group.backoffice_internet[0].id
    proxy_endpoint             = aws_db_proxy.backoffice[0].endpoint
    database_name              = aws_rds_cluster.backoffice[0].database_name
    users                      = var.backoffice_database_users
    # rds-db:connect names the proxy by its resource id, the last part of its ARN (prx-...);
    # a function's ARN is this prefix, a slash and its own database user.
    connect_arn_prefix = "arn:${data.aws_partition.current.partition}:rds-db:${local.region}:${local.account_id}:dbuser:${element(split(":", aws_db_proxy.backoffice[0].arn), 6)}"
  } : null
  depends_on = [terraform_data.backoffice_roles]
}

output "backoffice_key_encryption_key_secret_arn" {
  description = "ARN of the secret holding the key that wraps the back office's per-player data keys, or null when the back office is not deployed."
  value       = one(aws_secretsmanager_secret.backoffice_key_encryption_key[*].arn)
}

output "screening_key_secret_arn" {
  description = "ARN of the secret holding the key of the sanctions-screening fingerprints."
  value       = aws_secretsmanager_secret.screening_key.arn
}
