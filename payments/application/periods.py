"""Periods (YYYY-MM) of monthly payment."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def period_end(period: str) -> date:
    """The last day of a period."""
    year, month = int(period[:4]), int(period[5:7])
    return date(year, month, calendar.monthrange(year, month)[1])


def period_start(period: str) -> date:
    """The first day of a period."""
    return date(int(period[:4]), int(period[5:7]), 1)


def next_period_start(period: str) -> date:
    """The first day of the period after `period`."""
    return period_end(period) + timedelta(days=1)
