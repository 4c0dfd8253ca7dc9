"""The working-day calendar behind every deadline (INT-5, VER-9)."""

from __future__ import annotations

from datetime import date

import pytest

from shared.workdays import WorkingCalendar

NATIONAL_DAY = [date(2026, 10, d) for d in range(1, 8)]
CALENDAR = WorkingCalendar.of(NATIONAL_DAY, makeup_workdays=[date(2026, 10, 10)])


@pytest.mark.req("VER-9")
def test_weekends_and_holidays_do_not_count_but_makeup_days_do() -> None:
    # Fri 25 Sep 2026 + 3 working days: Mon 28, Tue 29, Wed 30
    assert CALENDAR.add_working_days(date(2026, 9, 25), 3) == date(2026, 9, 30)
    # Wed 30 Sep + 2: the Golden Week is skipped, Thu 8 Oct and Fri 9 Oct
    assert CALENDAR.add_working_days(date(2026, 9, 30), 2) == date(2026, 10, 9)
    # Fri 9 Oct + 1: Saturday 10 Oct is a make-up working day
    assert CALENDAR.add_working_days(date(2026, 10, 9), 1) == date(2026, 10, 10)


def test_working_days_between_is_the_inverse_of_adding() -> None:
    start = date(2026, 9, 28)
    for n in range(0, 25):
        assert CALENDAR.working_days_between(start, CALENDAR.add_working_days(start, n)) == n
