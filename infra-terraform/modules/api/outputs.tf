output "api_id" {
  description = "Id of the HTTP API."
  value       = aws_apigatewayv2_api.this.id
}

output "api_execution_arn" {
  description = "Execution ARN of the HTTP API, the prefix of its invoke permissions."
  value       = aws_apigatewayv2_api.this.execution_arn
}

output "origin_domain_name" {
  description = "Regional domain API Gateway serves the custom domain on: CloudFront's origin."
  value       = aws_apigatewayv2_domain_name.this.domain_name_configuration[0].target_domain_name
}

output "route_keys" {
  description = "Every route key of the API, as built from topology.json."
  value       = sort(keys(aws_apigatewayv2_route.this))
}

output "access_log_group_name" {
  description = "CloudWatch log group of the access logs."
  value       = aws_cloudwatch_log_group.access.name
}
