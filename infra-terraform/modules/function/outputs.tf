output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "ARN of the Lambda function (unqualified)."
  value       = aws_lambda_function.this.arn
}

output "alias_arn" {
  description = "ARN of the live alias, which every caller invokes."
  value       = aws_lambda_alias.live.arn
}

output "alias_invoke_arn" {
  description = "Invoke ARN of the live alias, for API Gateway integrations and authorizers."
  value       = aws_lambda_alias.live.invoke_arn
}

output "alias_name" {
  description = "Name of the live alias, the qualifier of invoke permissions."
  value       = aws_lambda_alias.live.name
}

output "role_arn" {
  description = "ARN of the function's own execution role."
  value       = aws_iam_role.this.arn
}

output "log_group_name" {
  description = "CloudWatch log group of the function."
  value       = aws_cloudwatch_log_group.this.name
}
