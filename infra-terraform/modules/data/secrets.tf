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

# The key of the sanctions-screening fingerprints: the registration function stores the HMAC of
# the name an identity check gave, and payout compares it with the list before each withdrawal
# (platform's SanctionsScreening). Rotating it makes every stored fingerprint unmatchable, so it
# is generated once and kept.
resource "random_bytes" "screening_key" {
  length = 32
}

resource "aws_secretsmanager_secret" "screening_key" {
  name        = "${var.name_prefix}/compliance/screening-key"
  description = "Keys the sanctions-screening fingerprints of players' checked names (Base64, 32 bytes)."
  kms_key_id  = aws_kms_key.data.arn
  tags        = var.tags
}

resource "aws_secretsmanager_secret_version" "screening_key" {
  secret_id     = aws_secretsmanager_secret.screening_key.id
  secret_string = random_bytes.screening_key.base64
}
