# Object-typed variables with optional() defaults, a map of objects set in terraform.tfvars, and
# a literal map of lifetimes per environment: what tenant modules do.
variable "refresh_token" {
  type = object({
    token_lifetime      = optional(number, 2592000)
    idle_token_lifetime = optional(number, 1296000)
  })
  default = {
    idle_token_lifetime = 3000000
  }
}

variable "apis" {
  type = map(object({
    identifier     = string
    token_lifetime = optional(number, 86400)
    web_lifetime   = optional(number, 7200)
  }))
}

variable "environment" {
  type    = string
  default = "production"
}

locals {
  id_token_lifetimes = {
    production = 3600
    staging    = 86400
  }
}
