output "alarm_topic_arn" {
  description = "SNS topic every alarm notifies."
  value       = aws_sns_topic.alarms.arn
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}

output "trail_bucket_name" {
  description = "Bucket of the CloudTrail log files and their signed digests."
  value       = aws_s3_bucket.trail.id
}
