"""The applications read model: one row per application, for lists and lookups."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection


class ApplicationsView(Projection):
    """applications_view ← intake.ApplicationSubmitted."""

    name = "intake.applications_view"
    tables = ("applications_view",)

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Upsert the application row for the events it knows."""
        if event.type == "intake.ApplicationSubmitted":
            await conn.execute(_UPSERT, _row_of(event))


_UPSERT = text(
    """
    INSERT INTO applications_view (application_id, version, division_code, registration,
        programmes, status, members, declared_monthly_income_fen, accepted_by, accepted_at)
    VALUES (:application_id, :version, :division_code, :registration, CAST(:programmes AS jsonb),
        'submitted', CAST(:members AS jsonb), :income, :accepted_by, :accepted_at)
    ON CONFLICT (application_id) DO UPDATE SET version = EXCLUDED.version
    """
)


def _row_of(event: RecordedEvent) -> dict[str, Any]:
    data = event.data
    return {
        "application_id": data["application_id"],
        "version": event.stream_version,
        "division_code": data["division_code"],
        "registration": data["registration"],
        "programmes": canonical_json(data["programmes"]),
        "members": canonical_json(data["members"]),
        "income": data["declared_monthly_income_fen"],
        "accepted_by": event.metadata.actor.id,
        "accepted_at": event.recorded_at,
    }
