"""Periods (YYYY-MM) of monthly payment."""

from __future__ import annotations

import calendar
from datetime import date


def period_end(period: str) -> date:
    """The last day of a period."""
    year, month = int(period[:4]), int(period[5:7])
    return date(year, month, calendar.monthrange(year, month)[1])
