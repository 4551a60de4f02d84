resource "auth0_email_template" "verify" {
  template                = "verify_email"
  body                    = file("verify.html")
  from                    = "noreply@acme.example"
  subject                 = "Verify"
  syntax                  = "liquid"
  enabled                 = true
  url_lifetime_in_seconds = 432000
}

resource "auth0_connection" "passwordless_email" {
  name     = "email"
  strategy = "email"
  options {
    totp {
      time_step = 20
      length    = 6
    }
  }
}

resource "auth0_attack_protection" "this" {
  suspicious_ip_throttling {
    enabled = true
    pre_login {
      max_attempts = 100
      rate         = 100000000
    }
    pre_user_registration {
      max_attempts = 50
      rate         = 1200
    }
  }
}

resource "auth0_client" "saml" {
  name = "SAML app"
  addons {
    samlp {
      lifetime_in_seconds = 3600
    }
    aws {
      lifetime_in_seconds = 50000
    }
  }
  refresh_token {
    rotation_type   = "rotating"
    expiration_type = "non-expiring"
  }
}

resource "auth0_risk_assessments_new_device" "this" {
  remember_for = 400
}
