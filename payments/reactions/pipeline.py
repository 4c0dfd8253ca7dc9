"""Payments watches cases on their way to a decision, to plan funds before enrolment (PAY-7)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.contracts.intake import ApplicationSubmitted
from shared.contracts.verification import CaseApproved, CaseOpened, CaseRejected, CaseWithdrawn
from shared.eventstore.envelope import RecordedEvent

_SUBMITTED = text(
    """
    INSERT INTO case_pipeline
        (case_id, division_code, programmes, household_size, stage, updated_at)
    VALUES (:case_id, :division, CAST(:programmes AS jsonb), :size, 'submitted', :at)
    ON CONFLICT (case_id) DO UPDATE SET programmes = EXCLUDED.programmes
    """
)

# Topics are not ordered with each other: verification's event may arrive first.
_IN_VERIFICATION = text(
    """
    INSERT INTO case_pipeline
        (case_id, division_code, programmes, household_size, stage, updated_at)
    VALUES (:case_id, :division, '[]'::jsonb, :size, 'in_verification', :at)
    ON CONFLICT (case_id) DO UPDATE SET stage = 'in_verification', updated_at = EXCLUDED.updated_at
    WHERE case_pipeline.stage = 'submitted'
    """
)
# a case's events come in order on verification's topic: its decisions follow its opening
_STAGE: dict[type, str] = {
    CaseApproved: "approved",
    CaseRejected: "rejected",
    CaseWithdrawn: "withdrawn",
}
_DECIDED = text(
    "UPDATE case_pipeline SET stage = :stage, updated_at = :at WHERE case_id = :case_id"
)


async def track_submission(
    submitted: ApplicationSubmitted, recorded: RecordedEvent, conn: AsyncConnection
) -> None:
    """Policy: an application submitted → its case in the funding pipeline, with its programmes."""
    await conn.execute(
        _SUBMITTED,
        {
            "case_id": submitted.application_id,
            "division": submitted.division_code,
            "programmes": canonical_json(submitted.programmes),
            "size": len(submitted.members),
            "at": recorded.recorded_at,
        },
    )


async def track_verification(
    opened: CaseOpened, recorded: RecordedEvent, conn: AsyncConnection
) -> None:
    """Policy: verification opened the case → it is in verification."""
    await conn.execute(
        _IN_VERIFICATION,
        {
            "case_id": opened.case_id,
            "division": opened.division_code,
            "size": opened.household_size,
            "at": recorded.recorded_at,
        },
    )


async def track_decision(
    decided: CaseApproved | CaseRejected | CaseWithdrawn,
    recorded: RecordedEvent,
    conn: AsyncConnection,
) -> None:
    """Policy: a programme of the case approved, rejected or withdrawn → the case leaves
    verification at that stage (a case of several programmes shows its latest decision)."""
    await conn.execute(
        _DECIDED,
        {"stage": _STAGE[type(decided)], "case_id": decided.case_id, "at": recorded.recorded_at},
    )
