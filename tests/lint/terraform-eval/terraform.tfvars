apis = {
  payments = { identifier = "https://payments.example/", token_lifetime = 2678400 }
  orders   = { identifier = "https://orders.example/" }
}
