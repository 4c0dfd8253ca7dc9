"""Cells for CSV and XLSX exports that a spreadsheet never runs as a formula (CSV injection)."""

from __future__ import annotations

from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is read as a formula (or DDE command) by spreadsheets."""


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that starts like a formula gets a leading `'`; anything else is unchanged.

    Numbers stay numbers: only text (a payee name, a reason) can smuggle in `=HYPERLINK(…)`.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
