variable "lifetime" {
  default = 2592001
}

resource "auth0_resource_server" "reports" {
  name           = "Reports API"
  identifier     = "https://reports.example/"
  token_lifetime = var.lifetime
}
