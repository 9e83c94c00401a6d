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
