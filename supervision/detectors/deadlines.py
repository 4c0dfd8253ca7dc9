"""Overdue work becomes alerts (VER-9 case clocks, INT-5 referrals, INT-6 urgent cases).

Read through the producers' published contracts (docs/events/): the overdue events name the item
and its deadline, so the division is remembered from the event that opened the item.
"""

from __future__ import annotations

from typing import Any

from shared.canonical import canonical_json
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
        i=item, c=case_id, d=division, f=canonical_json(facts),
    )  # fmt: skip


async def _item(ctx: DetectorContext, item: str) -> dict[str, Any] | None:
    rows = await ctx.rows(
        "SELECT case_id, division_code, facts FROM det_deadline_items WHERE item = :i", i=item
    )
    return rows[0] if rows else None


async def on_case_opened(ctx: DetectorContext, data: dict[str, Any]) -> None:
    """verification.CaseOpened: where the case lies."""
    if data.get("division_code"):
        await _remember(ctx, f"case:{data['case_id']}", data["case_id"], data["division_code"], {})


async def on_referral_opened(ctx: DetectorContext, data: dict[str, Any]) -> None:
    """intake.ReferralOpened: the case's division and the department that must acknowledge."""
    facts = {k: data.get(k) for k in ("to_agency", "to_division", "first_office_org")}
    case_id = data.get("case_id") or data["referral_id"]
    await _remember(ctx, f"referral:{data['referral_id']}", case_id, data["division_code"], facts)


async def on_urgent_opened(ctx: DetectorContext, data: dict[str, Any]) -> None:
    """intake.UrgentCaseOpened: where the person in difficulty is, and who reported them."""
    facts = {"reporter": data.get("reporter"), "household_size": data.get("household_size")}
    urgent_id = data["urgent_case_id"]
    await _remember(ctx, f"urgent:{urgent_id}", urgent_id, data["division_code"], facts)


async def on_case_overdue(ctx: DetectorContext, data: dict[str, Any]) -> None:
    """verification.CaseOverdue: one alert per case, programme and clock that ran out."""
    case_id, clock = data["case_id"], data["clock"]
    known = await _item(ctx, f"case:{case_id}")
    division = known["division_code"] if known else ctx.event.metadata.actor.division
    what = CLOCKS_ZH.get(clock, clock)
    await ctx.raise_alert(
        Detector.CASE_OVERDUE,
        f"{case_id}:{data['programme']}:{clock}:{data['due_on']}",
        division,
        [case_id],
        f"审核确认案件{case_id}（{data['programme']}）{what}时限已于{data['due_on']}届满",
        {"deadline": data["due_on"], "ran_out": clock, "programme": data["programme"]},
    )


async def on_referral_overdue(ctx: DetectorContext, data: dict[str, Any]) -> None:
    """intake.ReferralOverdue: the receiving department did not acknowledge in time."""
    referral_id = data["referral_id"]
    known = await _item(ctx, f"referral:{referral_id}")
    facts = known["facts"] if known else {}
    await ctx.raise_alert(
        Detector.REFERRAL_OVERDUE,
        referral_id,
        known["division_code"] if known else data["escalated_to"],
        [known["case_id"] if known else referral_id],
        f"转介事项{referral_id}接收部门未在{data['acknowledge_by']}前签收，已升级督办",
        {"deadline": data["acknowledge_by"], "ran_out": "acknowledgement",
         "referral_id": referral_id, "escalated_to": data["escalated_to"], **facts},
    )  # fmt: skip


async def on_urgent_overdue(ctx: DetectorContext, data: dict[str, Any]) -> None:
    """intake.UrgentCaseOverdue: nobody responded to the urgent report in time."""
    urgent_id = data["urgent_case_id"]
    known = await _item(ctx, f"urgent:{urgent_id}")
    facts = known["facts"] if known else {}
    await ctx.raise_alert(
        Detector.URGENT_CASE_OVERDUE,
        urgent_id,
        known["division_code"] if known else data["escalated_to"],
        [urgent_id],
        f"主动发现的急难个案{urgent_id}未在{data['respond_by']}前响应，已升级督办",
        {"deadline": data["respond_by"], "ran_out": "response",
         "urgent_case_id": urgent_id, "escalated_to": data["escalated_to"], **facts},
    )  # fmt: skip
