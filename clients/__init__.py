"""Typed Python clients of the four services, generated from their OpenAPI documents by
`make clients` (services/clients.py). Do not edit: regenerate."""
