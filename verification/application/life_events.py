"""Partner life events (VER-7): a death reported by public security applied to every open case
of the household, once per partner record whatever the retries."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import EventMetadata
from verification.application.service import Verification
from verification.projections.members import cases_of_member
from verification.schemas import LifeEventIn, LifeEventOutcome

_SEEN = text(
    "SELECT outcome, cases_affected FROM life_events_received"
    " WHERE department = :d AND source_ref = :s"
)
_REMEMBER = text(
    "INSERT INTO life_events_received"
    " (department, source_ref, kind, died_on, outcome, cases_affected, received_at)"
    " VALUES (:d, :s, :k, :died, :o, :n, :at)"
)


async def apply_life_event(
    verification: Verification,
    record: LifeEventIn,
    division_prefix: str,
    metadata: EventMetadata,
    conn: AsyncConnection,
) -> LifeEventOutcome:
    """Record the death on every case naming the person within the caller's jurisdiction; an
    unknown person is unmatched, never an error; a known source_ref answers as it did first."""
    department, ref = record.reported_by_department, record.source_ref
    seen = (await conn.execute(_SEEN, {"d": department, "s": ref})).first()
    if seen is not None:
        return LifeEventOutcome(
            source_ref=ref,
            outcome="matched" if seen.outcome == "matched" else "unmatched",
            repeated=True,
            cases_affected=seen.cases_affected,
        )
    affected = 0
    cases = await cases_of_member(conn, record.resident_id, division_prefix)
    for case_id, programme in cases:
        case = await verification.case(case_id, programme, conn)
        if case.report_death(record.resident_id, record.died_on, department, ref):
            await verification.save(case, replace(metadata, case_id=case_id), conn)
            affected += 1
    outcome: Literal["matched", "unmatched"] = "matched" if cases else "unmatched"
    await conn.execute(
        _REMEMBER,
        {
            "d": department,
            "s": ref,
            "k": record.kind,
            "died": record.died_on,
            "o": outcome,
            "n": affected,
            "at": verification.clock.now(),
        },
    )
    return LifeEventOutcome(
        source_ref=ref, outcome=outcome, repeated=False, cases_affected=affected
    )
