"""The deadline watcher (VER-9): working-day clocks per case, an overdue event once per clock."""

from __future__ import annotations

import asyncio
import logging
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.eventstore.envelope import Actor, EventMetadata
from shared.runtime import Loop
from verification.application.service import Verification
from verification.domain.policy import due_dates
from verification.reactions.follow_up import retry_follow_ups
from verification.reactions.reviews import open_due_reviews

log = logging.getLogger(__name__)
SERVICE = "verification"
# Which stages still run each clock.
OPEN = (
    "economic_verification",
    "investigation",
    "township_review",
    "proposed",
    "in_batch",
    "notice",
)
RUNNING = {
    "investigation_start": ("economic_verification", "investigation"),
    "county_decision": ("proposed", "in_batch", "notice"),
    "whole_process": OPEN,
    "prior_assistance": OPEN,
}


async def check_deadlines(verification: Verification, engine: AsyncEngine) -> int:
    """Append CaseOverdue for every clock that ran out today; return how many were raised."""
    today = verification.today()
    policy = verification.policy
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                text(
                    "SELECT case_id, programme, stage, opened_on, proposed_on, overdue, extended,"
                    " decide_by"
                    " FROM cases_view"
                    " WHERE stage IN ('economic_verification', 'investigation', 'township_review',"
                    " 'proposed', 'in_batch', 'notice') AND opened_on IS NOT NULL"
                )
            )
        ).all()
    raised = 0
    for row in rows:
        dues = due_dates(
            policy.calendar,
            row.opened_on,
            row.proposed_on,
            policy.deadlines,
            row.extended,
            row.decide_by,
        )
        late = [
            (clock, due)
            for clock, due in dues.items()
            if today > due and row.stage in RUNNING[clock] and clock not in row.overdue
        ]
        if late:
            raised += await _flag(verification, engine, row.case_id, row.programme, late)
    return raised


async def _flag(
    verification: Verification,
    engine: AsyncEngine,
    case_id: str,
    programme: str,
    late: list[tuple[str, date]],
) -> int:
    async with engine.begin() as conn:
        case = await verification.case(case_id, programme, conn)
        before = len(case.pending)
        for clock, due in late:
            if case.stage in RUNNING[clock]:  # the read model may lag (a migrated case, ADR 0037)
                case.flag_overdue(clock, due)
        count = len(case.pending) - before
        if count:
            metadata = EventMetadata(
                actor=Actor.system(SERVICE),
                channel="deadline-watcher",
                reason="办理时限已过 (processing deadline passed)",
                case_id=case_id,
            )
            await verification.save(case, metadata, conn)
    return count


def deadline_watcher(
    verification: Verification, engine: AsyncEngine, interval_s: float = 30.0
) -> Loop:
    """A service loop: check the clocks and retry unanswered sources every `interval_s` s."""

    async def loop(stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await check_deadlines(verification, engine)
                await retry_follow_ups(verification, engine)
                await open_due_reviews(verification, engine)
            except Exception:
                log.exception("deadline check failed; will try again")
            try:
                await asyncio.wait_for(stop.wait(), interval_s)
            except TimeoutError:
                continue

    return loop
