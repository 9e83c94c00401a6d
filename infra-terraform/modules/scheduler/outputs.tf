output "schedule_names" {
  description = "Name of every schedule, as in topology.json."
  value       = sort(keys(aws_scheduler_schedule.this))
}

output "schedule_group_name" {
  description = "Schedule group holding the draw steps."
  value       = aws_scheduler_schedule_group.this.name
}

output "dlq_arn" {
  description = "ARN of the queue holding draw steps the scheduler could not deliver."
  value       = aws_sqs_queue.dlq.arn
}

output "dlq_name" {
  description = "Name of the queue holding draw steps the scheduler could not deliver."
  value       = aws_sqs_queue.dlq.name
}
