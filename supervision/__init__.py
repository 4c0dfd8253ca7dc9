"""Supervision: audit trail, complaints, detectors, inspections, safety, reports (SUP-1 … SUP-9)."""
