"""Referral and urgent-case deadlines and the green-channel cap, without I/O."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from intake.domain.programmes import Agency
from intake.domain.referral import Referral, ReferralAlreadyAcknowledged, ReferralOpened
from intake.domain.urgent import (
    Grant,
    PriorAssistanceAlreadyGranted,
    PriorAssistanceOverCap,
    UrgentCase,
)
from intake.domain.urgent_events import (
    PriorAssistanceGranted,
    PriorProgramme,
    Reporter,
    UrgentCaseOpened,
)
from intake.policy import IntakePolicy
from shared.clock import CHINA
from shared.workdays import WorkingCalendar

NOW = datetime(2026, 9, 30, 10, 0, tzinfo=CHINA)


def referral(acknowledge_by: date) -> Referral:
    opened = ReferralOpened(
        "r-1", None, "620102001", "街道", Agency.EDUCATION, "620102", "620102", "助学", None,
        date(2026, 9, 30), acknowledge_by,
    )  # fmt: skip
    found = Referral("r-1")
    found.replay([opened])
    return found


@pytest.mark.req("INT-5")
def test_national_day_holidays_push_the_referral_deadline() -> None:
    # given the National Day week as holidays and a make-up working Saturday
    holidays = [date(2026, 10, d) for d in range(1, 8)]
    calendar = WorkingCalendar.of(holidays, makeup_workdays=[date(2026, 10, 10)])
    policy = IntakePolicy(calendar=calendar)
    # when a referral arrives on 30 September
    due = policy.calendar.add_working_days(
        date(2026, 9, 30), policy.referral_acknowledge_working_days
    )
    # then it is due on Friday 9 October (8 October and 9 October are the two working days)
    assert due == date(2026, 10, 9)


@pytest.mark.req("INT-5")
def test_a_referral_escalates_once_and_never_after_acknowledgement() -> None:
    late = referral(date(2026, 10, 9))
    assert not late.escalate_if_overdue(date(2026, 10, 9))
    assert late.escalate_if_overdue(date(2026, 10, 10))
    assert not late.escalate_if_overdue(date(2026, 10, 11))
    acknowledged = referral(date(2026, 10, 9))
    acknowledged.acknowledge(NOW, "签收")
    assert not acknowledged.escalate_if_overdue(date(2026, 12, 1))
    with pytest.raises(ReferralAlreadyAcknowledged):
        acknowledged.acknowledge(NOW, "签收")


@pytest.mark.req("INT-5")
def test_an_acknowledgement_is_late_by_the_civil_date_in_china() -> None:
    # given a referral that may be acknowledged until Friday 9 October
    deadline = date(2026, 10, 9)
    in_time, late = referral(deadline), referral(deadline)
    # when one receiver acknowledges at 23:30 that Friday in China (15:30 UTC), and another at
    # 00:30 on the Saturday in China (still Friday 16:30 in UTC)
    in_time.acknowledge(datetime(2026, 10, 9, 15, 30, tzinfo=UTC), "签收")
    late.acknowledge(datetime(2026, 10, 9, 16, 30, tzinfo=UTC), "签收")
    # then the first is in time and the second late: the deadline is a day in China
    assert [in_time.pending[-1].late, late.pending[-1].late] == [False, True]


@pytest.mark.req("INT-6", "INT-7")
def test_the_cap_follows_the_county_standard_and_counts_earlier_grants() -> None:
    # given Chengguan's standard of 800 元 as payments published it
    policy = IntakePolicy()
    assert policy.prior_assistance_cap(80_000, 1) == 240_000
    assert policy.prior_assistance_cap(70_000, 2) == 420_000
    case = UrgentCase("u-1")
    case.replay(
        [UrgentCaseOpened("u-1", "620102001", Reporter.HOSPITAL, "重病", None, None, 1, NOW,
                          NOW + timedelta(hours=24))]
    )  # fmt: skip

    def grant(amount: int, programme: PriorProgramme) -> Grant:
        event = PriorAssistanceGranted(
            "u-1", programme, amount, "620102001", "11010519491231002X",
            None, date(2026, 10, 9), (), granted_on=date(2026, 10, 2),
        )  # fmt: skip
        return Grant(event, policy.prior_assistance_cap(80_000, 1))

    # when two grants are made, the second would pass the cap
    case.grant_prior_assistance(grant(200_000, PriorProgramme.DISEASE_EMERGENCY))
    with pytest.raises(PriorAssistanceOverCap):
        case.grant_prior_assistance(grant(40_001, PriorProgramme.MEDICAL_ASSISTANCE))
    # and a second grant of the same programme in the month, even within the cap
    with pytest.raises(PriorAssistanceAlreadyGranted):
        case.grant_prior_assistance(grant(1, PriorProgramme.DISEASE_EMERGENCY))
    # then only the first is recorded
    assert [e.amount_fen for e in case.pending] == [200_000]
    assert not case.escalate_if_overdue(NOW + timedelta(hours=24))
    assert case.escalate_if_overdue(NOW + timedelta(hours=24, seconds=1))
