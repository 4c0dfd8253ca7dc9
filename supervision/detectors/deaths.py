"""Detectors on deaths: a reported death the county must act on, and payments after a death.

A payment for a month after the month a member died is irregular, unless the county resumed the
benefit for the survivors (ADR 0066) with that death on record, from that month or earlier, and
the payment went out after that resumption. A payment after the applicant's (head's) death is
always irregular: verification never resumes a benefit whose applicant died.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from shared.contracts.verification import BenefitResumed, DeathReported, EvidenceRecorded
from shared.privacy import mask_resident_id
from supervision.detectors.tables import DetectorContext
from supervision.domain.alerts import Detector

HEAD = "self"


def month_start(period: str) -> date:
    """The first day of a `YYYY-MM` period."""
    return date.fromisoformat(f"{period}-01")


async def division_of(ctx: DetectorContext, case_id: str) -> str:
    """The division of an approved case (the province when the case is not known yet)."""
    rows = await ctx.rows(
        "SELECT division_code FROM det_cases WHERE case_id = :c LIMIT 1", c=case_id
    )
    return str(rows[0]["division_code"]) if rows else "62"


async def on_death(ctx: DetectorContext, event: EvidenceRecorded) -> None:
    """A partner source reported a member deceased."""
    await ctx.run(
        "INSERT INTO det_deaths VALUES (:k, :c, :t, :s) ON CONFLICT DO NOTHING",
        k=ctx.key_of(event.resident_id),
        c=event.case_id,
        t=ctx.event.recorded_at,
        s=event.source,
    )
    await check_after_death(ctx, event.case_id)


async def on_death_reported(ctx: DetectorContext, event: DeathReported) -> None:
    """A partner department reported a member dead: the county must act on the benefit, and any
    period paid after the month of death is checked."""
    masked, died_on = mask_resident_id(event.resident_id), event.died_on.isoformat()
    await ctx.run(
        "INSERT INTO det_deaths (resident_key, case_id, reported_at, source, died_on)"
        " VALUES (:k, :c, :t, :s, :d) ON CONFLICT (resident_key, case_id)"
        " DO UPDATE SET died_on = COALESCE(det_deaths.died_on, EXCLUDED.died_on)",
        k=ctx.key_of(event.resident_id),
        c=event.case_id,
        t=ctx.event.recorded_at,
        s=event.reported_by_department,
        d=event.died_on,
    )
    await ctx.raise_alert(
        Detector.DEATH_REPORTED,
        f"{event.case_id}:{event.programme}:{ctx.key_of(event.resident_id)}",
        event.division_code,
        [event.case_id],
        f"公安部门报告保障对象家庭成员{masked}已于{died_on}死亡，请县级民政部门核实处理",
        {
            "resident_id_masked": masked,
            "relation": event.relation,
            "died_on": died_on,
            "programme": event.programme,
            "reported_by_department": event.reported_by_department,
            "source_ref": event.source_ref,
            "stage_when_reported": event.stage_when_reported,
            "termination_review_opened": event.opens_termination_review,
        },
    )
    await check_after_death(ctx, event.case_id)


async def on_resumed(ctx: DetectorContext, event: BenefitResumed) -> None:
    """verification.BenefitResumed: the county resumed the benefit for the members alive."""
    await ctx.run(
        "INSERT INTO det_resumptions VALUES (:e, :c, :p, :f, :t) ON CONFLICT DO NOTHING",
        e=str(ctx.event.event_id),
        c=event.case_id,
        p=event.programme,
        f=event.effective_from,
        t=ctx.event.recorded_at,
    )


# each payment for a month after a member's death, with whether a resumption decided with that
# death on record covers it (from its month on, the payment going out after the decision)
_PAID_AFTER = """
SELECT DISTINCT p.payment_id, p.programme, p.period, p.amount_fen, d.reported_at, d.died_on,
    m.masked, m.relation, EXISTS (
        SELECT 1 FROM det_resumptions r WHERE r.case_id = p.case_id
        AND r.programme = p.programme AND r.decided_at >= d.reported_at
        AND date_trunc('month', r.effective_from) <= to_date(p.period, 'YYYY-MM')
        AND p.settled_at >= r.decided_at
    ) AS resumed
FROM det_deaths d
JOIN det_members m ON m.resident_key = d.resident_key AND m.case_id = d.case_id
JOIN det_payments p ON p.case_id = d.case_id AND p.programme = m.programme
WHERE d.case_id = :c
"""


async def check_after_death(ctx: DetectorContext, case_id: str) -> None:
    """Alert on payments for months after the month a member died (or was reported dead when
    the day is unknown), unless a resumption covers it; after the head's death, always."""
    for row in await ctx.rows(_PAID_AFTER, c=case_id):
        died = (row["died_on"] or row["reported_at"].date()).replace(day=1)
        head = row["relation"] == HEAD
        if month_start(row["period"]) > died and (head or not row["resumed"]):
            await _paid_after_death(ctx, case_id, row, head)


async def _paid_after_death(
    ctx: DetectorContext, case_id: str, row: dict[str, Any], head: bool
) -> None:
    who = "户主" if head else "家庭成员"
    await ctx.raise_alert(
        Detector.PAID_AFTER_DEATH,
        row["payment_id"],
        await division_of(ctx, case_id),
        [case_id],
        f"{who}{row['masked']}已报死亡，仍发放{row['period']}月保障金"
        + ("" if head else "（未经县级民政部门恢复发放）"),
        {
            "payment_id": row["payment_id"],
            "period": row["period"],
            "amount_fen": row["amount_fen"],
            "programme": row["programme"],
            "resident_id_masked": row["masked"],
            "relation": row["relation"],
            "reported_at": row["reported_at"].isoformat(),
            "died_on": row["died_on"].isoformat() if row["died_on"] else None,
        },
    )
