# One secret per payment provider, a JSON object of the functions' own property names and values
# (docs/deploy.md: sandbox fairdraw.payments.sandbox.webhook-secret; adyen
# fairdraw.payments.adyen.api-key, .hmac-key, .merchant-account, .environment, .live-url-prefix),
# read by wallet and payout at start (platform SecretsConfigSourceFactory). Terraform creates the
# container with a placeholder and never reads or overwrites what an operator puts there.
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

# The key of the sanctions-screening fingerprints: the registration function stores the HMAC of
# the name an identity check gave, and payout compares it with the list before each withdrawal
# (platform's SanctionsScreening). Rotating it makes every stored fingerprint unmatchable, so it
# is generated once. Ephemeral and written write-only: the key never enters the state; version 1
# is written on creation and never again.
ephemeral "random_password" "screening_key" {
  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "screening_key" {
  name        = "${var.name_prefix}/compliance/screening-key"
  description = "Keys the sanctions-screening fingerprints of players' checked names ({\"fairdraw.compliance.screening-key\": Base64 of 32 bytes})."
  kms_key_id  = aws_kms_key.data.arn
  tags        = var.tags
}

resource "aws_secretsmanager_secret_version" "screening_key" {
  secret_id                = aws_secretsmanager_secret.screening_key.id
  secret_string_wo         = jsonencode({ "fairdraw.compliance.screening-key" = base64encode(ephemeral.random_password.screening_key.result) })
  secret_string_wo_version = 1
}
