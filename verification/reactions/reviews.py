"""Periodic re-review (VER-7): an approved benefit whose review date has passed is re-checked."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.eventstore.envelope import Actor, EventMetadata
from verification.application.service import Verification

SERVICE = "verification"


async def open_due_reviews(verification: Verification, engine: AsyncEngine) -> int:
    """Open a re-check for every approved case past its next_review_due; return how many."""
    today = verification.today()
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                text(
                    "SELECT case_id, programme, next_review_due FROM cases_view"
                    " WHERE stage = 'approved' AND next_review_due < :today"
                ),
                {"today": today},
            )
        ).all()
    opened = 0
    for row in rows:
        async with engine.begin() as conn:
            case = await verification.case(row.case_id, row.programme, conn)
            if case.next_review is None or case.next_review >= today:
                continue
            reason = f"定期复核，应于 {case.next_review} 前复核 (periodic re-review due)"
            case.open_recheck(reason, None)
            metadata = EventMetadata(
                actor=Actor.system(SERVICE),
                channel="review-watcher",
                reason=reason,
                case_id=row.case_id,
            )
            await verification.save(case, metadata, conn)
            opened += 1
    return opened
