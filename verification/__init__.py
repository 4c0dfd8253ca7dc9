"""Verification and decision by law (VER-1 … VER-9)."""
