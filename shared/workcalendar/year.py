"""A calendar year as the State Council announced it: holidays and make-up working days (调休)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry, event_type

YEAR_SET = "CalendarYearSet"


@dataclass(frozen=True)
class CalendarYearSet:
    """An operator set (or corrected) a year's holidays and make-up working days."""

    year: int
    holidays: tuple[date, ...]
    makeup_workdays: tuple[date, ...]
    document_ref: str  # the notice it follows, e.g. 国办发明电〔2026〕x号
    reason: str


@cache
def year_set_event(service: str) -> type[CalendarYearSet]:
    """The event class a service records: `<service>.CalendarYearSet` (each publishes its own)."""

    @event_type(f"{service}.{YEAR_SET}", version=1)
    @dataclass(frozen=True)
    class ServiceYearSet(CalendarYearSet):
        __doc__ = CalendarYearSet.__doc__

    ServiceYearSet.__name__ = ServiceYearSet.__qualname__ = YEAR_SET
    return ServiceYearSet


def calendar_events(service: str) -> list[type]:
    """The calendar event classes a service publishes."""
    return [year_set_event(service)]


def register_calendar_events(service: str, registry: EventRegistry) -> None:
    """Register the calendar events of a service."""
    registry.register_all(*calendar_events(service))


class InvalidCalendarYear(DomainError):
    """The year's dates contradict each other or the calendar."""

    code = "invalid-calendar-year"
    status = 422
    title_en = "The calendar year is not valid"
    title_zh = "节假日安排无效"


def check_year(event: CalendarYearSet) -> None:
    """Every date in the year; none both holiday and make-up day; make-up days on weekends."""
    for name, days in (("holidays", event.holidays), ("makeup_workdays", event.makeup_workdays)):
        for index, day in enumerate(days):
            if day.year != event.year:
                raise InvalidCalendarYear(
                    f"{day} is not in {event.year}",
                    f"{day} 不在 {event.year} 年内",
                    field=f"{name}[{index}]",
                )
    both = sorted(set(event.holidays) & set(event.makeup_workdays))
    if both:
        raise InvalidCalendarYear(
            f"{both[0]} is listed both as a holiday and as a make-up working day",
            f"{both[0]} 同时被列为节假日和调休上班日",
            field="makeup_workdays",
            dates=[d.isoformat() for d in both],
        )
    weekdays = [d for d in event.makeup_workdays if d.weekday() < 5]
    if weekdays:
        raise InvalidCalendarYear(
            f"{weekdays[0]} is a weekday: only a Saturday or Sunday can be a make-up working day",
            f"{weekdays[0]} 是工作日，调休上班日只能是周六或周日",
            field="makeup_workdays",
            dates=[d.isoformat() for d in weekdays],
        )


class CalendarYear(Aggregate):
    """One civil year's holidays and make-up days, every version kept (stream `calendar-<y>`)."""

    stream_prefix = "calendar"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.versions: list[CalendarYearSet] = []

    @property
    def current(self) -> CalendarYearSet | None:
        """The version in force, None when the year was never loaded."""
        return self.versions[-1] if self.versions else None

    def set_year(self, event: CalendarYearSet) -> None:
        """Load or correct the year (dates sorted and without repeats)."""
        if str(event.year) != self.id:
            raise InvalidCalendarYear(
                f"the calendar of {self.id} cannot hold {event.year}",
                f"{self.id} 年的日历不能记录 {event.year} 年",
                field="year",
            )
        check_year(event)
        self.record(event)

    def when_CalendarYearSet(self, event: CalendarYearSet) -> None:
        self.versions.append(event)
