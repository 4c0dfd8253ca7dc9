"""Intake: one door, first inquiry, active discovery (INT-1 … INT-10)."""
