"""The statutory calendar from chinese-calendar, overlaid by years operators load (INT-5, VER-9)."""

from __future__ import annotations

from datetime import date

import pytest

from shared.eventstore.registry import EventRegistry
from shared.workcalendar.book import CalendarBook, LoadedYear, calendar_version
from shared.workcalendar.year import (
    CalendarYear,
    InvalidCalendarYear,
    register_calendar_events,
    year_set_event,
)
from shared.workdays import WorkingCalendar, library_calendar, library_years

SPRING_FESTIVAL_2027 = tuple(date(2027, 2, d) for d in range(6, 14))
MAKEUP_2027 = (date(2027, 2, 20),)


@pytest.mark.req("INT-5", "VER-9")
def test_the_library_knows_2026_spring_festival_and_its_makeup_saturday() -> None:
    # given the library's calendar
    calendar = library_calendar()
    # then the Spring Festival is off and Saturday 28 Feb 2026 is worked
    assert not calendar.is_working_day(date(2026, 2, 17))
    assert calendar.is_working_day(date(2026, 2, 28))
    assert calendar.add_working_days(date(2026, 2, 26), 2) == date(2026, 2, 28)
    assert {2004, 2026} <= library_years() and 2027 not in library_years()


@pytest.mark.req("INT-5", "VER-9")
def test_a_loaded_year_replaces_the_library_year_and_leaves_the_others() -> None:
    # given a book on the library calendar
    book = CalendarBook("intake")
    assert book.source_of(2026) == "chinese-calendar 1.11.0" and book.source_of(2027) == "none"
    # when 2027 is loaded, and 2026 is replaced by a year without holidays
    book.install(
        {
            2027: LoadedYear(2027, 1, SPRING_FESTIVAL_2027, MAKEUP_2027),
            2026: LoadedYear(2026, 2, (), ()),
        }
    )
    # then 2027 follows the loaded days, 2026 has lost the library's, 2025 keeps them
    assert book.add_working_days(date(2027, 2, 5), 2) == date(2027, 2, 16)
    assert book.is_working_day(date(2027, 2, 20))
    assert book.is_working_day(date(2026, 2, 17)) and not book.is_working_day(date(2026, 2, 28))
    assert not book.is_working_day(date(2025, 10, 1))
    assert book.version_for(date(2026, 12, 31), date(2027, 1, 5)) == "2026:v2,2027:v1"
    assert calendar_version(WorkingCalendar(), date(2027, 1, 1), date(2027, 1, 5)) is None


def test_a_book_over_a_given_calendar_overlays_that_calendar() -> None:
    base = WorkingCalendar.of([date(2030, 1, 2)])
    book = CalendarBook.over("intake", base)
    assert book.base is base and CalendarBook.over("intake", book) is book
    assert book.add_working_days(date(2030, 1, 1), 1) == date(2030, 1, 3)


@pytest.mark.parametrize(
    ("holidays", "makeup", "field"),
    [
        ((date(2027, 2, 6), date(2028, 1, 1)), (), "holidays[1]"),
        ((date(2027, 2, 6),), (date(2027, 2, 6),), "makeup_workdays"),
        ((), (date(2027, 2, 22),), "makeup_workdays"),  # a Monday
    ],
)
def test_a_year_that_contradicts_itself_is_refused_naming_the_field(
    holidays: tuple[date, ...], makeup: tuple[date, ...], field: str
) -> None:
    year = CalendarYear("2027")
    event = year_set_event("intake")(2027, holidays, makeup, "国办发明电〔2026〕x号", "载入")
    with pytest.raises(InvalidCalendarYear) as refused:
        year.set_year(event)
    assert refused.value.extensions["field"] == field
    assert not year.pending


def test_each_service_publishes_the_year_under_its_own_name() -> None:
    registry = EventRegistry()
    register_calendar_events("supervision", registry)
    assert registry.type_names == ["supervision.CalendarYearSet"]
    assert year_set_event("intake") is year_set_event("intake")
    assert year_set_event("intake") is not year_set_event("supervision")
