output "bus_name" {
  description = "Name of the event bus the pipes publish to."
  value       = aws_cloudwatch_event_bus.this.name
}

output "bus_arn" {
  description = "ARN of the event bus."
  value       = aws_cloudwatch_event_bus.this.arn
}

output "queue_urls" {
  description = "URL of each consumer queue, by topology name."
  value       = { for k, q in aws_sqs_queue.this : k => q.url }
}

output "queue_arns" {
  description = "ARN of each consumer queue, by topology name."
  value       = { for k, q in aws_sqs_queue.this : k => q.arn }
}

output "queue_names" {
  description = "Physical name of each consumer queue, by topology name."
  value       = { for k, q in aws_sqs_queue.this : k => q.name }
}

output "dlq_names" {
  description = "Every dead-letter queue of the event path, by role: one per consumer queue, the pipes', the rules' and the asynchronous invocations'."
  value = merge(
    { for k, q in aws_sqs_queue.dlq : k => q.name },
    {
      pipes          = aws_sqs_queue.pipes_dlq.name
      rules          = aws_sqs_queue.rules_dlq.name
      async-failures = aws_sqs_queue.async_failures.name
    },
  )
}

output "async_failure_queue_arn" {
  description = "ARN of the queue receiving asynchronous invocations that failed every retry."
  value       = aws_sqs_queue.async_failures.arn
}

output "pipe_names" {
  description = "Name of every pipe, by topology name."
  value       = { for k, p in aws_pipes_pipe.this : k => p.name }
}
