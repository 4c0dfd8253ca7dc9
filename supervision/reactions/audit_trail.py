"""Every event of every service, copied with its hashes into the case's audit trail (SUP-1)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.eventstore.envelope import RecordedEvent
from shared.messaging.delivery import SetBasedHandler

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


_LINK = text(
    """
    INSERT INTO trail_links (case_id, service, stream_id) VALUES (:case_id, :service, :stream_id)
    ON CONFLICT DO NOTHING
    """
)


def source_service(event: RecordedEvent) -> str:
    """The publishing service, from the stable type name (`intake.ApplicationSubmitted`)."""
    return event.type.split(".", 1)[0]


async def record_in_audit_trail(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Policy: any event of any service → one audit-trail entry (idempotent by event id)."""
    await record_all_in_audit_trail([event], conn)


async def record_all_in_audit_trail(events: Sequence[RecordedEvent], conn: AsyncConnection) -> None:
    """The same for a batch, in order: one pipelined statement for the entries, one for the index.

    Every entry is independent (keyed by its event id) and a case's index row is its first
    division either way, so this leaves what applying them one by one would (ADR 0034).
    """
    await conn.execute(_INSERT, [_entry(event) for event in events])
    indexed = [
        {"case_id": event.case_id, "division": event.data["division_code"]}
        for event in events
        if isinstance(event.data.get("division_code"), str)
    ]
    if indexed:
        await conn.execute(_INDEX_CASE, indexed)
    links = [link for event in events for link in links_of(event)]
    if links:
        await conn.execute(_LINK, links)


def links_of(event: RecordedEvent) -> list[dict[str, str]]:
    """The cases the event names besides its own (a complaint's subject, an action's case), and
    every case of an alert (one may join it by a later event recorded on it): the stream joins
    their trails."""
    data = event.data
    several = list(data.get("case_ids") or ())  # an alert's: its own case may join it late
    named = [data.get("subject_case_id"), data.get("case_id")]
    others = {c for c in named if isinstance(c, str) and c and c != event.case_id}
    linked = others | {c for c in several if isinstance(c, str) and c}
    service = source_service(event)
    return [{"case_id": c, "service": service, "stream_id": event.stream_id} for c in linked]


def _entry(event: RecordedEvent) -> dict[str, Any]:
    return {
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
    }


AUDIT_TRAIL = SetBasedHandler(record_in_audit_trail, record_all_in_audit_trail)


__all__ = ["AUDIT_TRAIL", "record_all_in_audit_trail", "record_in_audit_trail", "source_service"]
