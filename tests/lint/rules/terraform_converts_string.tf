# Terraform converts the string to a number before sending it.
resource "auth0_resource_server" "reports" {
  name           = "Reports API"
  identifier     = "https://reports.example/"
  token_lifetime = "3600"
}
