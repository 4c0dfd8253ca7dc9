"""The per-stream hash chain: each event's hash covers the previous hash and the canonical event."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any, NamedTuple

from shared.canonical import canonical_json

GENESIS_HASH = "0" * 64


def canonical_instant(value: datetime) -> str:
    """An instant as ISO 8601 in UTC with microseconds (what PostgreSQL keeps)."""
    if value.tzinfo is None:
        raise ValueError("instants must be timezone-aware")
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def event_hash(
    *,
    prev_hash: str,
    event_id: uuid.UUID,
    stream_id: str,
    stream_version: int,
    type: str,
    schema_version: int,
    occurred_at: datetime,
    recorded_at: datetime,
    data: dict[str, Any] | None = None,
    metadata: dict[str, Any] | None = None,
    data_json: str | None = None,
    metadata_json: str | None = None,
) -> str:
    """SHA-256 over the previous hash and the canonical form of the event (position excluded).

    The body is `canonical_json` of the event's fields; pass `data_json`/`metadata_json` when
    their canonical text is already at hand (the append path stores the same text).
    """
    return linked_digest(
        prev_hash,
        CanonicalEvent(
            data_json if data_json is not None else canonical_json(data),
            str(event_id),
            metadata_json if metadata_json is not None else canonical_json(metadata),
            canonical_instant(occurred_at),
            canonical_instant(recorded_at),
            schema_version,
            canonical_json(stream_id),
            stream_version,
            canonical_json(type),
        ),
    )


class CanonicalEvent(NamedTuple):
    """The hashed fields of an event, each already in its canonical JSON text (a string field
    without its quotes where it is a UUID or an instant: they need no escaping)."""

    data_json: str
    event_id: str
    metadata_json: str
    occurred_at: str
    recorded_at: str
    schema_version: int
    stream_id_json: str
    stream_version: int
    type_json: str


def linked_digest(prev_hash: str, event: CanonicalEvent) -> str:
    """SHA-256 over the previous hash and the event's canonical JSON object (keys sorted)."""
    body = "".join(
        (
            '{"data":',
            event.data_json,
            ',"event_id":"',
            event.event_id,
            '","metadata":',
            event.metadata_json,
            ',"occurred_at":"',
            event.occurred_at,
            '","recorded_at":"',
            event.recorded_at,
            '","schema_version":',
            str(event.schema_version),
            ',"stream_id":',
            event.stream_id_json,
            ',"stream_version":',
            str(event.stream_version),
            ',"type":',
            event.type_json,
            "}",
        )
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()
