"""The one clock: every service, watcher, deadline, run and detector asks it for the time.

Instants are UTC and timezone-aware; civil dates (deadlines, periods, "today") are reckoned in
China time. Nothing else in the project reads the wall clock (a test enforces it).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")  # deadlines and calendar days are reckoned in China time


class Clock(Protocol):
    """Something that tells the current instant (timezone-aware)."""

    def now(self) -> datetime: ...


class SystemClock:
    """The machine's clock in UTC, shifted by a fixed offset (0 in production).

    The offset lets a rehearsal or an end-to-end test run every process of a stack at one chosen
    instant: each process adds the same offset to its own wall clock, so they agree.
    """

    def __init__(self, offset: timedelta = timedelta(0)) -> None:
        self.offset = offset

    def now(self) -> datetime:
        """The current instant."""
        return datetime.now(UTC) + self.offset


class ManualClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("a clock's time must be timezone-aware")
        self._now = start

    def now(self) -> datetime:
        """The instant the clock was set to."""
        return self._now

    def advance(self, delta: timedelta) -> None:
        """Move the clock forward."""
        self._now += delta

    def set(self, instant: datetime) -> None:
        """Jump to an instant."""
        self._now = instant


def today(clock: Clock) -> date:
    """The civil date in China at the clock's instant."""
    return clock.now().astimezone(CHINA).date()


def period_of(day: date) -> str:
    """The payment period (YYYY-MM) a civil date falls in."""
    return f"{day.year:04d}-{day.month:02d}"


def periods_between(first: str, end: str) -> list[str]:
    """The periods from `first` up to, not including, `end`, in order (none when `first` is not
    before `end`)."""
    index = int(first[:4]) * 12 + int(first[5:7]) - 1
    stop = int(end[:4]) * 12 + int(end[5:7]) - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index, stop)]


def current_period(clock: Clock) -> str:
    """The payment period of today in China."""
    return period_of(today(clock))


def offset_to(instant: datetime) -> timedelta:
    """The offset that makes a SystemClock read `instant` now (for stacks run at a chosen time)."""
    return instant - datetime.now(UTC)


def epoch_seconds(clock: Clock) -> int:
    """Whole seconds since the epoch at the clock's instant (token claims)."""
    return int(clock.now().timestamp())
