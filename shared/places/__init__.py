"""The places register: townships and villages by code and name, loaded by operators (ADR 0019)."""
