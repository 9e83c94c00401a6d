output "table_name" {
  description = "Physical name of the table."
  value       = aws_dynamodb_table.this.name
}

output "table_arn" {
  description = "ARN of the table."
  value       = aws_dynamodb_table.this.arn
}

output "table_stream_arn" {
  description = "ARN of the table's stream, or null when it has none."
  value       = var.stream_enabled ? aws_dynamodb_table.this.stream_arn : null
}

output "index_arns" {
  description = "ARN of each global secondary index, for IAM statements that query them."
  value       = [for i in var.indexes : "${aws_dynamodb_table.this.arn}/index/${i.name}"]
}
