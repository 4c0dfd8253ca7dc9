"""Merkle roots over event hashes: the one implementation every seal and check uses (GEN-5)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from shared.eventstore.hashing import GENESIS_HASH, event_hash


def sha256_text(text: str) -> str:
    """Hex SHA-256 of a text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(row: dict[str, Any]) -> str:
    """The hash a stored event's content recomputes to (its own prev_hash taken as given)."""
    return event_hash(
        prev_hash=row["prev_hash"],
        event_id=row["event_id"],
        stream_id=row["stream_id"],
        stream_version=row["stream_version"],
        type=row["type"],
        schema_version=row["schema_version"],
        occurred_at=row["occurred_at"],
        recorded_at=row["recorded_at"],
        data=row["data"],
        metadata=row["metadata"],
    )


def merkle_root(leaves: Sequence[str]) -> str:
    """The Merkle root of leaves in order (an odd node is paired with itself)."""
    if not leaves:
        return GENESIS_HASH
    level = list(leaves)
    while len(level) > 1:
        if len(level) % 2:
            level.append(level[-1])
        level = [sha256_text(level[i] + level[i + 1]) for i in range(0, len(level), 2)]
    return level[0]
