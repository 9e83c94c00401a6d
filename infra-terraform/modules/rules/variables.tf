variable "topology" {
  description = "The decoded topology.json; the rules read its functions' timeouts and its queues (other attributes are dropped)."
  type = object({
    functions = map(object({
      timeoutSeconds = number
    }))
    queues = list(object({
      name                     = string
      function                 = string
      visibilityTimeoutSeconds = number
    }))
  })
}
