"""Overdue work becomes alerts (VER-9 case clocks, INT-5 referrals, INT-6 urgent cases).

Read through the producers' published contracts (`shared.contracts`): the overdue events name the
item and its deadline, so the division is remembered from the event that opened the item. A
deadline appears in an alert as its producer wrote it (ISO 8601 text).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic_core import to_jsonable_python

from shared.canonical import canonical_json
from shared.contracts.intake import (
    ReferralOpened,
    ReferralOverdue,
    UrgentCaseOpened,
    UrgentCaseOverdue,
)
from shared.contracts.verification import CaseOpened, CaseOverdue
from supervision.detectors.tables import DetectorContext
from supervision.domain.alerts import Detector

CLOCKS_ZH = {
    "investigation_start": "受理后启动入户调查",
    "county_decision": "县级审批决定",
    "whole_process": "审核确认全流程办结",
    "prior_assistance": "先行救助后补充核对",
}


async def _remember(
    ctx: DetectorContext, item: str, case_id: str, division: str, facts: dict[str, Any]
) -> None:
    await ctx.run(
        "INSERT INTO det_deadline_items VALUES (:i, :c, :d, CAST(:f AS jsonb))"
        " ON CONFLICT DO NOTHING",
        i=item,
        c=case_id,
        d=division,
        f=canonical_json(facts),
    )


async def _item(ctx: DetectorContext, item: str) -> dict[str, Any] | None:
    rows = await ctx.rows(
        "SELECT case_id, division_code, facts FROM det_deadline_items WHERE item = :i", i=item
    )
    return rows[0] if rows else None


def _written(deadline: date | datetime) -> str:
    """A deadline as its producer published it (a date `2027-03-10`, an instant in ISO 8601)."""
    return str(to_jsonable_python(deadline))


async def on_case_opened(ctx: DetectorContext, event: CaseOpened) -> None:
    """verification.CaseOpened: where the case lies."""
    if event.division_code:
        await _remember(ctx, f"case:{event.case_id}", event.case_id, event.division_code, {})


async def on_referral_opened(ctx: DetectorContext, event: ReferralOpened) -> None:
    """intake.ReferralOpened: the case's division and the department that must acknowledge."""
    facts = {
        "to_agency": event.to_agency,
        "to_division": event.to_division,
        "first_office_org": event.first_office_org,
    }
    case_id = event.case_id or event.referral_id
    await _remember(ctx, f"referral:{event.referral_id}", case_id, event.division_code, facts)


async def on_urgent_opened(ctx: DetectorContext, event: UrgentCaseOpened) -> None:
    """intake.UrgentCaseOpened: where the person in difficulty is, and who reported them."""
    facts = {"reporter": event.reporter, "household_size": event.household_size}
    urgent_id = event.urgent_case_id
    await _remember(ctx, f"urgent:{urgent_id}", urgent_id, event.division_code, facts)


async def on_case_overdue(ctx: DetectorContext, event: CaseOverdue) -> None:
    """verification.CaseOverdue: one alert per case, programme and clock that ran out."""
    case_id, clock, due_on = event.case_id, event.clock, _written(event.due_on)
    known = await _item(ctx, f"case:{case_id}")
    division = known["division_code"] if known else ctx.event.metadata.actor.division
    what = CLOCKS_ZH.get(clock, clock)
    await ctx.raise_alert(
        Detector.CASE_OVERDUE,
        f"{case_id}:{event.programme}:{clock}:{due_on}",
        division,
        [case_id],
        f"审核确认案件{case_id}（{event.programme}）{what}时限已于{due_on}届满",
        {"deadline": due_on, "ran_out": clock, "programme": event.programme},
    )


async def on_referral_overdue(ctx: DetectorContext, event: ReferralOverdue) -> None:
    """intake.ReferralOverdue: the receiving department did not acknowledge in time."""
    referral_id, deadline = event.referral_id, _written(event.acknowledge_by)
    known = await _item(ctx, f"referral:{referral_id}")
    facts = known["facts"] if known else {}
    await ctx.raise_alert(
        Detector.REFERRAL_OVERDUE,
        referral_id,
        known["division_code"] if known else event.escalated_to,
        [known["case_id"] if known else referral_id],
        f"转介事项{referral_id}接收部门未在{deadline}前签收，已升级督办",
        {
            "deadline": deadline,
            "ran_out": "acknowledgement",
            "referral_id": referral_id,
            "escalated_to": event.escalated_to,
            **facts,
        },
    )


async def on_urgent_overdue(ctx: DetectorContext, event: UrgentCaseOverdue) -> None:
    """intake.UrgentCaseOverdue: nobody responded to the urgent report in time."""
    urgent_id, deadline = event.urgent_case_id, _written(event.respond_by)
    known = await _item(ctx, f"urgent:{urgent_id}")
    facts = known["facts"] if known else {}
    await ctx.raise_alert(
        Detector.URGENT_CASE_OVERDUE,
        urgent_id,
        known["division_code"] if known else event.escalated_to,
        [urgent_id],
        f"主动发现的急难个案{urgent_id}未在{deadline}前响应，已升级督办",
        {
            "deadline": deadline,
            "ran_out": "response",
            "urgent_case_id": urgent_id,
            "escalated_to": event.escalated_to,
            **facts,
        },
    )
