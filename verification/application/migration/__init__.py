"""Caseload migration: the file, its rules and the resumable import (ADR 0037)."""
