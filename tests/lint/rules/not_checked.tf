# A value only apply knows is not checked, and says why.
resource "auth0_resource_server" "reports" {
  name           = "Reports API"
  identifier     = "https://reports.example/"
  token_lifetime = data.external.lifetime.result.seconds
}
