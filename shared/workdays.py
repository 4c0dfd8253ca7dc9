"""A working-day calendar with configurable holidays and make-up working days (调休)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Protocol

import chinese_calendar
from chinese_calendar import constants as _library

LIBRARY = f"chinese-calendar {chinese_calendar.__version__}"


class Workdays(Protocol):
    """What deadline code needs of a calendar (a WorkingCalendar or a service's CalendarBook)."""

    def is_working_day(self, day: date) -> bool: ...

    def add_working_days(self, start: date, days: int) -> date: ...

    def working_days_between(self, start: date, end: date) -> int: ...


@dataclass(frozen=True)
class WorkingCalendar:
    """Weekdays are working days except holidays; listed make-up days work even on weekends."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    makeup_workdays: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def of(
        cls, holidays: Iterable[date] = (), makeup_workdays: Iterable[date] = ()
    ) -> WorkingCalendar:
        """A calendar from lists of dates."""
        return cls(frozenset(holidays), frozenset(makeup_workdays))

    def is_working_day(self, day: date) -> bool:
        """True when offices are open on that day."""
        if day in self.makeup_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: date, days: int) -> date:
        """The date `days` working days after `start` (start itself not counted)."""
        if days < 0:
            raise ValueError("days must not be negative")
        current = start
        while days:
            current += timedelta(days=1)
            if self.is_working_day(current):
                days -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        count, current = 0, start
        while current < end:
            current += timedelta(days=1)
            count += self.is_working_day(current)
        return count

    def days_of(self, year: int) -> tuple[list[date], list[date]]:
        """The year's holidays and make-up working days, sorted."""
        return (
            sorted(d for d in self.holidays if d.year == year),
            sorted(d for d in self.makeup_workdays if d.year == year),
        )

    def with_year(
        self, year: int, holidays: Iterable[date], makeup_workdays: Iterable[date]
    ) -> WorkingCalendar:
        """This calendar with one year's holidays and make-up days replaced by those given."""
        return WorkingCalendar(
            frozenset(d for d in self.holidays if d.year != year) | frozenset(holidays),
            frozenset(d for d in self.makeup_workdays if d.year != year)
            | frozenset(makeup_workdays),
        )


@cache
def library_years() -> frozenset[int]:
    """The years the installed chinese-calendar release has the State Council's schedule for."""
    return frozenset(d.year for d in _library.holidays)


@cache
def library_calendar() -> WorkingCalendar:
    """Statutory holidays and make-up working days as published in chinese-calendar."""
    return WorkingCalendar.of(_library.holidays, _library.workdays)
