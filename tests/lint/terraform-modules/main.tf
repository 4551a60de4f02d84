# The root module calls a module of the same repository, passing its own variables down.
module "auth0" {
  source = "./modules/auth0"
  apis   = var.apis
  id_token_lifetime = 36000
}

variable "apis" {
  type = map(object({
    identifier     = string
    token_lifetime = optional(number, 86400)
  }))
}
