output "queue_visibility_seconds" {
  description = "The visibility timeout of each queue, once the rules held."
  value       = { for name, rule in terraform_data.queue_visibility : name => rule.output }
}
