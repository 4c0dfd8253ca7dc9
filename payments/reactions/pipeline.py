"""Payments watches cases on their way to a decision, to plan funds before enrolment (PAY-7)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
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
    """
)


async def track_case(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Policy: intake/verification events → the case's stage in the funding pipeline."""
    data = event.data
    if event.type == "intake.ApplicationSubmitted":
        await conn.execute(
            _SUBMITTED,
            {
                "case_id": data["application_id"],
                "division": data["division_code"],
                "programmes": canonical_json(data["programmes"]),
                "size": len(data["members"]),
                "at": event.recorded_at,
            },
        )
    elif event.type == "verification.CaseOpened":
        await conn.execute(
            _IN_VERIFICATION,
            {
                "case_id": data["case_id"],
                "division": data["division_code"],
                "size": data["household_size"],
                "at": event.recorded_at,
            },
        )
