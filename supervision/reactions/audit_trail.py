"""Every event of every service, copied with its hashes into the case's audit trail (SUP-1)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.eventstore.envelope import RecordedEvent

_INSERT = text(
    """
    INSERT INTO audit_trail (event_id, case_id, service, stream_id, stream_version, position, type,
        schema_version, occurred_at, recorded_at, data, metadata, prev_hash, hash)
    VALUES (:event_id, :case_id, :service, :stream_id, :stream_version, :position, :type,
        :schema_version, :occurred_at, :recorded_at, CAST(:data AS jsonb), CAST(:metadata AS jsonb),
        :prev_hash, :hash)
    ON CONFLICT (event_id) DO NOTHING
    """
)

_INDEX_CASE = text(
    """
    INSERT INTO case_index (case_id, division_code) VALUES (:case_id, :division)
    ON CONFLICT (case_id) DO NOTHING
    """
)


def source_service(event: RecordedEvent) -> str:
    """The publishing service, from the stable type name (`intake.ApplicationSubmitted`)."""
    return event.type.split(".", 1)[0]


async def record_in_audit_trail(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Policy: any event of any service → one audit-trail entry (idempotent by event id)."""
    await conn.execute(
        _INSERT,
        {
            "event_id": event.event_id,
            "case_id": event.case_id,
            "service": source_service(event),
            "stream_id": event.stream_id,
            "stream_version": event.stream_version,
            "position": event.position,
            "type": event.type,
            "schema_version": event.schema_version,
            "occurred_at": event.occurred_at,
            "recorded_at": event.recorded_at,
            "data": canonical_json(event.data),
            "metadata": canonical_json(event.metadata.to_dict()),
            "prev_hash": event.prev_hash,
            "hash": event.hash,
        },
    )
    division = event.data.get("division_code")
    if isinstance(division, str):
        await conn.execute(_INDEX_CASE, {"case_id": event.case_id, "division": division})


__all__ = ["record_in_audit_trail", "source_service"]
