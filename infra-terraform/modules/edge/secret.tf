# The secret CloudFront adds to every origin request and the authorizer requires. It lives in
# Secrets Manager so operators can read and audit it; Terraform makes a new one when the
# rotation period is over and writes it to CloudFront and to the authorizer in the same apply.
# The authorizer accepts one secret at a time, so requests fail with 403 for the minutes
# CloudFront takes to deploy the new header (docs/operations.md, key and secret rotation).
resource "time_rotating" "origin_secret" {
  rotation_days = var.origin_secret_rotation_days
}

resource "random_password" "origin_secret" {
  length  = 48
  special = false

  keepers = {
    rotated = time_rotating.origin_secret.id
  }
}

resource "aws_secretsmanager_secret" "origin_secret" {
  name        = "${var.name_prefix}/edge/origin-secret"
  description = "Value of x-fairdraw-origin-secret, added by CloudFront and checked by the compliance authorizer."
  kms_key_id  = var.secrets_kms_key_arn
  tags        = var.tags
}

resource "aws_secretsmanager_secret_version" "origin_secret" {
  secret_id     = aws_secretsmanager_secret.origin_secret.id
  secret_string = random_password.origin_secret.result
}
