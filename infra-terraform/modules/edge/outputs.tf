output "api_url" {
  description = "Public base URL of the API, through CloudFront."
  value       = "https://${var.domain_name}"
}

output "distribution_id" {
  description = "Id of the CloudFront distribution (for invalidations and metrics)."
  value       = aws_cloudfront_distribution.this.id
}

output "origin_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the origin secret."
  value       = aws_secretsmanager_secret.origin_secret.arn
}

output "web_acl_arn" {
  description = "ARN of the web ACL in front of the API."
  value       = aws_wafv2_web_acl.this.arn
}

output "webapp_bucket" {
  description = "Bucket the web app's build (webapp/dist) is copied to; CloudFront serves it at the API's domain."
  value       = aws_s3_bucket.webapp.bucket
}
