"""standards_view ← payments.StandardSet: every version of every standard, for lists."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler

_UPSERT = text(
    """
    INSERT INTO standards_view (division_code, programme, version, effective_from,
        monthly_per_person_fen, floor_per_person_fen, class_amounts_fen, set_by, reason,
        recorded_at, care_amounts_fen)
    VALUES (:division, :programme, :version, :effective_from, :monthly, :floor,
        CAST(:classes AS jsonb), :set_by, :reason, :recorded_at, CAST(:care AS jsonb))
    ON CONFLICT (division_code, programme, version) DO NOTHING
    """
)


async def _standard_set(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Insert the version a StandardSet records."""
    data = event.data
    await conn.execute(
        _UPSERT,
        {
            "division": data["division_code"],
            "programme": data["programme"],
            "version": event.stream_version,
            "effective_from": date.fromisoformat(data["effective_from"]),
            "monthly": data["monthly_per_person_fen"],
            "floor": data["floor_per_person_fen"],
            "classes": canonical_json(data["class_amounts_fen"]),
            "care": canonical_json(data.get("care_amounts_fen", {})),
            "set_by": event.metadata.actor.id,
            "reason": event.metadata.reason,
            "recorded_at": event.recorded_at,
        },
    )


class StandardsView(Projection):
    """One row per recorded standard version."""

    name = "payments.standards_view"
    tables = ("standards_view",)
    handlers: Mapping[str, ProjectionHandler] = {"payments.StandardSet": _standard_set}
