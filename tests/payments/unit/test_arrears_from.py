"""From which month a month no run paid is owed (ADR 0061): the decision's, after a migration
the next one, never before the effective date; none for enrolments recorded before the rule."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta

import pytest

from payments.application.enrol import arrears_from
from payments.application.periods import next_period_start
from payments.domain.beneficiary import Beneficiary, BeneficiaryEnrolled
from shared.clock import CHINA, periods_between
from tests.payments.support import PERIOD, TODAY
from tests.support import months_from

DECIDED = datetime.combine(TODAY, time(9), CHINA)  # the pinned clock's day, in the morning
FIRST = TODAY.replace(day=1)


@pytest.mark.req("PAY-3")
def test_arrears_run_from_the_decisions_month_never_before_the_effective_date() -> None:
    earlier = FIRST - timedelta(days=200)
    assert arrears_from(earlier, DECIDED) == FIRST  # backdated: from the decision's month
    assert arrears_from(TODAY, DECIDED) == TODAY  # effective the day of the decision
    later = TODAY + timedelta(days=40)
    assert arrears_from(later, DECIDED) == later  # effective later: nothing owed before
    # a migrated household: the old system paid up to the migration's month
    assert arrears_from(earlier, DECIDED, migrated=True) == next_period_start(PERIOD)


@pytest.mark.req("PAY-3")
def test_the_decisions_month_is_its_civil_month_in_china() -> None:
    # given a decision at 17:00 UTC on the month's last day: 01:00 the next day in China
    next_first = next_period_start(PERIOD)
    decided = datetime.combine(next_first - timedelta(days=1), time(17), UTC)
    # then arrears run from the month the decision was made in, in China
    assert arrears_from(FIRST, decided) == next_first


def _enrolled(arrears: object) -> Beneficiary:
    beneficiary = Beneficiary("case-1:urban_dibao")
    event = BeneficiaryEnrolled(
        "case-1", "urban_dibao", "620102001", "620102", "urban", 3, 100_000, None, 0, 110_000,
        FIRST, "张桂兰", "6228480012345678901",
    )  # fmt: skip
    beneficiary.when_BeneficiaryEnrolled(dataclasses.replace(event, arrears_from=arrears))
    return beneficiary


@pytest.mark.req("PAY-3")
def test_a_run_looks_for_missed_months_only_from_where_arrears_run() -> None:
    two_ahead = months_from(PERIOD, 2)
    assert _enrolled(FIRST).arrears_window(two_ahead) == [PERIOD, months_from(PERIOD, 1)]
    assert _enrolled(FIRST).arrears_window(PERIOD) == []
    assert _enrolled(None).arrears_window(two_ahead) == []  # enrolled before the rule


def test_periods_between_count_months_across_a_year_end() -> None:
    # the pinned clock's month is November: three months on is the next year's February
    three_on = months_from(PERIOD, 3)
    assert three_on[:4] != PERIOD[:4]
    assert periods_between(PERIOD, three_on) == [months_from(PERIOD, n) for n in range(3)]
    assert periods_between(three_on, three_on) == []
    assert periods_between(months_from(three_on, 1), three_on) == []
