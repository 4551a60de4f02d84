variable "web_lifetime" {
  type    = number
  default = 7200
}

variable "from_outside" {
  type = number
}
