# The secret CloudFront adds to every origin request, which the authorizer and every HTTP function
# require. The functions read it from Secrets Manager at start ({"fairdraw.edge.origin-secret":
# ...}); Terraform makes a new one when the rotation period is over and writes it to CloudFront
# and the secret in the same apply. CloudFront's origin header is plain configuration, so this one
# value is in the state (docs/deploy.md, what the state holds). The functions accept one secret at
# a time and read it when an environment starts, so a rotation needs a window
# (docs/operations.md, key and secret rotation).
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
  description = "Value of x-fairdraw-origin-secret, added by CloudFront and checked by the authorizer and every HTTP function."
  kms_key_id  = var.secrets_kms_key_arn
  tags        = var.tags
}

resource "aws_secretsmanager_secret_version" "origin_secret" {
  secret_id     = aws_secretsmanager_secret.origin_secret.id
  secret_string = jsonencode({ "fairdraw.edge.origin-secret" = random_password.origin_secret.result })
}
