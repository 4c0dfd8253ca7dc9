"""The per-stream hash chain: each event's hash covers the previous hash and the canonical event."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any

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
    body = "".join(
        (
            '{"data":',
            data_json if data_json is not None else canonical_json(data),
            ',"event_id":"',
            str(event_id),  # a UUID's text needs no escaping
            '"',
            ',"metadata":',
            metadata_json if metadata_json is not None else canonical_json(metadata),
            ',"occurred_at":"',
            canonical_instant(occurred_at),  # ISO 8601 digits and signs: nothing to escape
            '","recorded_at":"',
            canonical_instant(recorded_at),
            '"',
            ',"schema_version":',
            str(schema_version),
            ',"stream_id":',
            canonical_json(stream_id),
            ',"stream_version":',
            str(stream_version),
            ',"type":',
            canonical_json(type),
            "}",
        )
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()
