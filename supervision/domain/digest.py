"""Periodic digests of the audit trail: Merkle roots over every copied event, chained (SUP-1).

A leaf stands for one copied event: its service, global position, stream place, the hash its
content recomputes to and the hash it was recorded with. A digest seals, per service, the
contiguous run of positions that arrived since the previous digest; its root chains onto the
previous digest's root. Digests are supervision events, published on the bus, so a later rewrite
of history (even one that recomputes every hash) disagrees with a root held outside the database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from shared.eventstore.hashing import GENESIS_HASH, event_hash
from shared.eventstore.registry import EventRegistry, event_type

DIGEST_STREAM = "trail-digests"


def _sha(text: str) -> str:
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


def leaf_of(service: str, row: dict[str, Any]) -> str:
    """The Merkle leaf of one copied event: place, recomputed content hash, recorded hash."""
    return _sha(
        f"{service}|{row['position']}|{row['stream_id']}|{row['stream_version']}"
        f"|{content_hash(row)}|{row['hash']}"
    )


def merkle_root(leaves: Sequence[str]) -> str:
    """The Merkle root of leaves in order (an odd node is paired with itself)."""
    if not leaves:
        return GENESIS_HASH
    level = list(leaves)
    while len(level) > 1:
        if len(level) % 2:
            level.append(level[-1])
        level = [_sha(level[i] + level[i + 1]) for i in range(0, len(level), 2)]
    return level[0]


@dataclass(frozen=True)
class SealedRange:
    """The positions of one service sealed by a digest, and their Merkle root."""

    service: str
    from_position: int
    to_position: int
    events: int
    merkle_root: str


def digest_root(previous_root: str, ranges: Sequence[SealedRange]) -> str:
    """The digest's root: the previous root chained with every sealed range."""
    parts = [
        f"{r.service}:{r.from_position}-{r.to_position}:{r.events}:{r.merkle_root}" for r in ranges
    ]
    return _sha(previous_root + "|" + "|".join(parts))


@event_type("supervision.TrailDigestSealed", 1)
@dataclass(frozen=True)
class TrailDigestSealed:
    """A period of the audit trail sealed under a chained Merkle root."""

    digest_id: str
    sequence: int
    period_start: str  # ISO instant: the previous seal (or the first event seen)
    period_end: str  # ISO instant of this seal
    ranges: tuple[SealedRange, ...]
    previous_root: str
    root: str


def register_events(registry: EventRegistry) -> None:
    """Register the digest event."""
    registry.register(TrailDigestSealed)
