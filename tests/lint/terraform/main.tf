locals {
  day = 24 * 60 * 60
}

resource "auth0_resource_server" "payments" {
  name                   = "Payments API"
  identifier             = "https://payments.acme.example/"
  token_lifetime         = local.day * 31
  token_lifetime_for_web = var.web_lifetime
}

resource "auth0_resource_server" "management" {
  name                   = "Auth0 Management API"
  identifier             = "https://acme.us.auth0.com/api/v2/"
  token_lifetime         = 86400
  token_lifetime_for_web = 7200
}

resource "auth0_client" "shop" {
  name = "Acme Web Shop"
  jwt_configuration {
    lifetime_in_seconds = var.from_outside
  }
  refresh_token {
    rotation_type       = "rotating"
    expiration_type     = "expiring"
    token_lifetime      = 2592000
    idle_token_lifetime = 3 * local.day
    leeway              = file("leeway.txt")
  }
}

resource "auth0_tenant" "tenant" {
  session_lifetime      = 1.5
  idle_session_lifetime = 0.5
}
