variable "apis" {
  type = map(object({
    identifier     = string
    token_lifetime = optional(number, 86400)
  }))
}

variable "id_token_lifetime" {
  type = number
}

resource "auth0_resource_server" "api" {
  for_each       = var.apis
  name           = each.key
  identifier     = each.value.identifier
  token_lifetime = each.value.token_lifetime
}

resource "auth0_client" "app" {
  name = "App"
  jwt_configuration {
    lifetime_in_seconds = var.id_token_lifetime
  }
}
