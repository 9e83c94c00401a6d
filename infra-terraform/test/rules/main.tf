# A root module with no provider around modules/rules, so that CI can run `terraform plan` on the
# topology's rules where no provider can be downloaded (test/terraform.test.mjs).
terraform {
  required_version = ">= 1.11"
}

variable "topology_path" {
  description = "The topology.json whose rules are checked."
  type        = string
  default     = "../../topology.json"
}

module "rules" {
  source = "../../modules/rules"

  topology = jsondecode(file(var.topology_path))
}

output "queue_visibility_seconds" {
  description = "The visibility timeout of each queue, once the rules held."
  value       = module.rules.queue_visibility_seconds
}
