"""Payments: standards, entitlements, monthly runs, relief and funds (PAY-1 … PAY-8)."""
