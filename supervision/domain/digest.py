"""Periodic digests of the audit trail: Merkle roots over every copied event, chained (SUP-1).

A leaf stands for one copied event: its service, global position, stream place, the hash its
content recomputes to and the hash it was recorded with. A digest seals, per service, the
contiguous run of positions that arrived since the previous digest; its root chains onto the
previous digest's root. Digests are supervision events, published on the bus, so a later rewrite
of history (even one that recomputes every hash) disagrees with a root held outside the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shared.eventstore.merkle import content_hash as content_hash  # the kernel's, one for all
from shared.eventstore.merkle import merkle_root as merkle_root
from shared.eventstore.merkle import sha256_text
from shared.eventstore.registry import EventRegistry, event_type

DIGEST_STREAM = "trail-digests"
_sha = sha256_text


def leaf_of(service: str, row: dict[str, Any]) -> str:
    """The Merkle leaf of one copied event: place, recomputed content hash, recorded hash."""
    return _sha(
        f"{service}|{row['position']}|{row['stream_id']}|{row['stream_version']}"
        f"|{content_hash(row)}|{row['hash']}"
    )


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


@event_type("supervision.TrailDigestSealed", version=1)
@dataclass(frozen=True)
class TrailDigestSealed:
    """A period of the audit trail sealed under a chained Merkle root."""

    digest_id: str
    sequence: int
    period_start: datetime  # the previous seal (or the first event seen)
    period_end: datetime  # this seal
    ranges: tuple[SealedRange, ...]
    previous_root: str
    root: str


def register_events(registry: EventRegistry) -> None:
    """Register the digest event."""
    registry.register(TrailDigestSealed)
