"""A service's working calendar: the library's years overlaid by the years operators loaded.

Deadlines are computed often, so the loaded years are kept in memory and reloaded from the
service's own store at start-up, after each change through the API, and every refresh interval.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.workcalendar.year import YEAR_SET, CalendarYearSet, year_set_event
from shared.workdays import LIBRARY, Workdays, WorkingCalendar, library_calendar, library_years

log = logging.getLogger(__name__)
REFRESH_INTERVAL_S = 60.0

_LATEST = text(
    "SELECT DISTINCT ON (stream_id) stream_version, data FROM events WHERE type = :type"
    " ORDER BY stream_id, stream_version DESC"
)


@dataclass(frozen=True)
class LoadedYear:
    """A year as loaded by operators: the version in force and its dates."""

    year: int
    version: int
    holidays: tuple[date, ...]
    makeup_workdays: tuple[date, ...]


class CalendarBook:
    """The calendar a service computes deadlines on; swapped whole when the loaded years change."""

    def __init__(self, service: str, base: WorkingCalendar | None = None) -> None:
        self.service = service
        self.base = library_calendar() if base is None else base
        self.event_class: type[CalendarYearSet] = year_set_event(service)
        self.loaded: dict[int, LoadedYear] = {}
        self.calendar = self.base

    @classmethod
    def over(cls, service: str, calendar: Workdays) -> CalendarBook:
        """The book for a policy's calendar: that book itself, or a new one on that base."""
        if isinstance(calendar, CalendarBook):
            return calendar
        if not isinstance(calendar, WorkingCalendar):
            raise TypeError(f"cannot overlay loaded years on {type(calendar).__name__}")
        return cls(service, calendar)

    def is_working_day(self, day: date) -> bool:
        """True when offices are open on that day."""
        return self.calendar.is_working_day(day)

    def add_working_days(self, start: date, days: int) -> date:
        """The date `days` working days after `start` (start itself not counted)."""
        return self.calendar.add_working_days(start, days)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        return self.calendar.working_days_between(start, end)

    def source_of(self, year: int) -> str:
        """Where a year's days come from: `v<N>` loaded, the library, or `none` (weekends only)."""
        if year in self.loaded:
            return f"v{self.loaded[year].version}"
        return LIBRARY if year in library_years() else "none"

    def version_for(self, start: date, end: date) -> str:
        """The calendar versions a deadline from `start` to `end` was computed under."""
        years = range(start.year, max(start, end).year + 1)
        return ",".join(f"{year}:{self.source_of(year)}" for year in years)

    def install(self, years: dict[int, LoadedYear]) -> None:
        """Make these loaded years the ones in force (a loaded year replaces the base's)."""
        calendar = self.base
        for loaded in years.values():
            calendar = calendar.with_year(loaded.year, loaded.holidays, loaded.makeup_workdays)
        self.loaded, self.calendar = dict(years), calendar

    async def refresh(self, engine: AsyncEngine) -> None:
        """Reload the latest version of every loaded year from the service's store."""
        async with engine.connect() as conn:
            rows = (await conn.execute(_LATEST, {"type": f"{self.service}.{YEAR_SET}"})).all()
        years = {}
        for row in rows:
            data = row.data
            years[int(data["year"])] = LoadedYear(
                int(data["year"]),
                int(row.stream_version),
                tuple(date.fromisoformat(d) for d in data["holidays"]),
                tuple(date.fromisoformat(d) for d in data["makeup_workdays"]),
            )
        self.install(years)

    def refresher(
        self, engine: AsyncEngine, interval_s: float = REFRESH_INTERVAL_S
    ) -> Callable[[asyncio.Event], Awaitable[None]]:
        """A background loop: load at start-up, then again every interval (other replicas' PUTs)."""

        async def loop(stop: asyncio.Event) -> None:
            while not stop.is_set():
                try:
                    await self.refresh(engine)
                except Exception:
                    log.exception("could not reload the working calendar; keeping the last one")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), interval_s)

        return loop


def calendar_version(calendar: Workdays, start: date, end: date) -> str | None:
    """The versions a deadline was computed under, when the calendar is a service's book."""
    return calendar.version_for(start, end) if isinstance(calendar, CalendarBook) else None
