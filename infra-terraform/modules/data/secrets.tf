# One secret per payment provider, a JSON object of its settings (sandbox: webhookSecret;
# adyen: apiKey, hmacKey, merchantAccount, environment, livePrefix). Terraform creates the
# container with a placeholder and never overwrites what an operator puts there.
resource "aws_secretsmanager_secret" "provider" {
  for_each = toset(var.payment_providers)

  name        = "${var.name_prefix}/payments/${each.key}"
  description = "Credentials of the ${each.key} payment provider."
  kms_key_id  = aws_kms_key.data.arn
  tags        = var.tags
}

resource "aws_secretsmanager_secret_version" "provider_placeholder" {
  for_each = toset(var.payment_providers)

  secret_id     = aws_secretsmanager_secret.provider[each.key].id
  secret_string = jsonencode({ placeholder = "put the provider's settings here (docs/deploy.md)" })

  lifecycle {
    ignore_changes = [secret_string]
  }
}
