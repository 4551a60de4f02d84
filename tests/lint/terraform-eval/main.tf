# One API per entry of var.apis (for_each), each named by its key.
resource "auth0_resource_server" "api" {
  for_each               = var.apis
  name                   = each.key
  identifier             = each.value.identifier
  token_lifetime         = each.value.token_lifetime
  token_lifetime_for_web = each.value.web_lifetime
}

resource "auth0_client" "web" {
  name = "Web"
  jwt_configuration {
    lifetime_in_seconds = lookup(local.id_token_lifetimes, var.environment, 36000)
  }
  refresh_token {
    rotation_type       = "rotating"
    expiration_type     = "expiring"
    token_lifetime      = var.refresh_token.token_lifetime
    idle_token_lifetime = var.refresh_token.idle_token_lifetime
    leeway              = try(var.refresh_token.overlap, 0)
  }
}

# A set of names: each.key and each.value are the name.
resource "auth0_client" "native" {
  for_each = toset(["mobile", "desktop"])
  name     = each.key
  jwt_configuration {
    lifetime_in_seconds = var.environment == "production" ? 3600 : 2592001
  }
}

resource "auth0_resource_server" "legacy" {
  name           = "Legacy"
  identifier     = "https://legacy.example/"
  token_lifetime = coalesce(null, tonumber("7200"))
}

# Only apply knows these: they stay "not checked", with the reason.
resource "auth0_resource_server" "later" {
  for_each       = data.external.apis.result
  name           = each.key
  identifier     = "https://later.example/"
  token_lifetime = each.value
}
