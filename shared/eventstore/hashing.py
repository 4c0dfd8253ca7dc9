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
    data: dict[str, Any],
    metadata: dict[str, Any],
) -> str:
    """SHA-256 over the previous hash and the canonical form of the event (position excluded)."""
    body = canonical_json(
        {
            "event_id": str(event_id),
            "stream_id": stream_id,
            "stream_version": stream_version,
            "type": type,
            "schema_version": schema_version,
            "occurred_at": canonical_instant(occurred_at),
            "recorded_at": canonical_instant(recorded_at),
            "data": data,
            "metadata": metadata,
        }
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()
