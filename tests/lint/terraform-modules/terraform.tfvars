apis = {
  billing = { identifier = "https://billing.example/", token_lifetime = 3000000 }
  search  = { identifier = "https://search.example/" }
}
