"""A change to a benefit takes effect within its life, never before its approval (VER-7)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shared.clock import today
from tests.support import days_from
from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import approved_case

CHANGES = {
    "adjustment": (
        "BenefitAdjusted",
        {"approved_monthly_amount_fen": 50_000, "reason": "收入变化"},
    ),
    "suspension": ("BenefitSuspended", {"reason": "待核实外出务工情况"}),
    "termination": ("BenefitTerminated", {"reason": "家庭收入超过标准"}),
}


@pytest.mark.req("VER-7")
@pytest.mark.parametrize("step", sorted(CHANGES))
async def test_a_change_dated_before_the_approval_is_refused_naming_effective_from(
    verifying: Verifying, step: str
) -> None:
    # given a benefit approved today, from today
    case_id = await approved_case(verifying)
    approved_from = today(verifying.clock)
    kind, body = CHANGES[step]
    # when the county dates a change a month before the approval
    answer = await verifying.county.step(
        case_id, step, {**body, "effective_from": days_from(approved_from, -30)}
    )
    # then it is refused, naming the date, and nothing is recorded
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    problem = answer.json()
    assert problem["code"] == "change-before-benefit"
    assert problem["field"] == "effective_from"
    assert problem["benefit_from"] == approved_from.isoformat()
    assert await verifying.events(f"verification.{kind}") == []
    detail = await verifying.county.get(f"/v1/cases/{case_id}/programmes/urban_dibao")
    assert detail.json()["stage"] == "approved"


@pytest.mark.req("VER-7")
async def test_a_termination_back_dated_within_the_benefits_life_is_taken(
    verifying: Verifying,
) -> None:
    # given a benefit approved today, and two months later
    case_id = await approved_case(verifying)
    approved_from = today(verifying.clock)
    verifying.clock.advance(timedelta(days=60))
    # when the county ends it from the approval's own date
    ended = await verifying.county.step(
        case_id,
        "termination",
        {"effective_from": approved_from.isoformat(), "reason": "隐瞒收入，自始不符合条件"},
    )
    # then the termination stands
    assert ended.status_code == 200, ended.text
    assert ended.json()["stage"] == "terminated"
