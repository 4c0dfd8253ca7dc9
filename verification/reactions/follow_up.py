"""Automatic retries of partner sources that failed (VER-1): a failing source never loses a case."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.domain.errors import ConcurrencyConflict, DomainError
from shared.eventstore.envelope import Actor, EventMetadata
from verification.application.service import Verification

log = logging.getLogger(__name__)
SERVICE = "verification"
REASON = "自动重试未答复的核对数据源 (automatic retry of unanswered partner sources)"


async def retry_follow_ups(verification: Verification, engine: AsyncEngine) -> int:
    """Ask again for what is missing; record only when some source now answers."""
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                text(
                    "SELECT case_id, programme FROM cases_view"
                    " WHERE follow_up AND stage = 'economic_verification'"
                )
            )
        ).all()
    completed = 0
    for row in rows:
        try:
            completed += await _retry(verification, engine, row.case_id, row.programme)
        except (ConcurrencyConflict, DomainError) as refused:
            log.info("follow-up retry skipped", extra={"case_id": row.case_id, "why": str(refused)})
    return completed


async def _retry(
    verification: Verification, engine: AsyncEngine, case_id: str, programme: str
) -> int:
    case = await verification.case(case_id, programme)
    answers, failures = await verification.query_partners(case)
    if not answers:
        return 0
    case.record_evidence(answers, failures)
    metadata = EventMetadata(
        actor=Actor.system(SERVICE), channel="follow-up", reason=REASON, case_id=case_id
    )
    async with engine.begin() as conn:
        await verification.save(case, metadata, conn)
    return 1 if case.verified is not None else 0
