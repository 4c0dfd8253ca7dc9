"""Every service seals its own event store into chained Merkle digests (GEN-5, DESIGN 10).

A digest covers the positions appended since the previous digest: the Merkle root over their
leaves in position order (a leaf binds an event's hash to its position and stream place), the
range, the count, and the previous digest's root, chained. The digest is an event of the store it
seals (`<service>.StoreDigestSealed` in the stream `store-digests`), so the relay publishes it
and supervision holds every service's roots outside that service's database.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.clock import Clock
from shared.eventstore.envelope import Actor, EventMetadata, NewEvent
from shared.eventstore.hashing import GENESIS_HASH
from shared.eventstore.merkle import merkle_root, sha256_text
from shared.eventstore.registry import TYPE_ATTR, VERSION_ATTR, EventRegistry, event_type
from shared.eventstore.store import EventStore

STORE_DIGEST_STREAM = "store-digests"
STORE_DIGEST_SEALED = "StoreDigestSealed"
STORE_SEAL_LOCK_KEY = 7_310_602
MAX_EVENTS_PER_STORE_SEAL = 200_000


@dataclass(frozen=True)
class StoreDigest:
    """A run of this service's event store sealed under a Merkle root chained on the last one."""

    digest_id: str
    sequence: int
    from_position: int
    to_position: int
    events: int
    merkle_root: str  # over store_leaf(...) of every event in the range, in position order
    previous_root: str  # the previous digest's `root` (GENESIS_HASH for the first)
    root: str  # chained_root(previous_root, range, count, merkle_root)
    sealed_at: str  # ISO instant


@cache
def store_digest_event(service: str) -> type[StoreDigest]:
    """The event class a service records: `<service>.StoreDigestSealed` (each seals its own)."""

    @event_type(f"{service}.{STORE_DIGEST_SEALED}", version=1)
    @dataclass(frozen=True)
    class ServiceStoreDigest(StoreDigest):
        __doc__ = StoreDigest.__doc__

    ServiceStoreDigest.__name__ = ServiceStoreDigest.__qualname__ = STORE_DIGEST_SEALED
    return ServiceStoreDigest


def register_store_digest(service: str, registry: EventRegistry) -> None:
    """Register the service's digest event."""
    registry.register(store_digest_event(service))


def is_store_digest(event_type_name: str) -> bool:
    """True for any service's `StoreDigestSealed`."""
    return event_type_name.endswith(f".{STORE_DIGEST_SEALED}")


def store_leaf(position: int, stream_id: str, stream_version: int, hash_: str) -> str:
    """One event's leaf: its recorded hash bound to its global position and stream place."""
    return sha256_text(f"{position}|{stream_id}|{stream_version}|{hash_}")


def leaves_of(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The leaves of event rows, in the order given (position order for a seal)."""
    return [store_leaf(r["position"], r["stream_id"], r["stream_version"], r["hash"]) for r in rows]


def chained_root(
    previous_root: str, from_position: int, to_position: int, events: int, root: str
) -> str:
    """A digest's root: the previous digest's root chained with this range and its Merkle root."""
    return sha256_text(f"{previous_root}|{from_position}-{to_position}:{events}:{root}")


def digest_holds(digest: StoreDigest | dict[str, Any]) -> bool:
    """True when a digest's `root` is its own chained root (it was not edited after sealing)."""
    d = digest if isinstance(digest, dict) else asdict(digest)
    expected = chained_root(
        d["previous_root"], d["from_position"], d["to_position"], d["events"], d["merkle_root"]
    )
    return bool(d["root"] == expected)


async def _unsealed(conn: AsyncConnection, after: int) -> list[dict[str, Any]]:
    result = await conn.execute(
        text(
            "SELECT position, stream_id, stream_version, type, hash FROM events"
            " WHERE position > :after ORDER BY position LIMIT :n"
        ),
        {"after": after, "n": MAX_EVENTS_PER_STORE_SEAL},
    )
    return [dict(r._mapping) for r in result]


async def seal_store(
    engine: AsyncEngine, store: EventStore, service: str, clock: Clock
) -> StoreDigest | None:
    """Seal the positions appended since the last digest; None when only digests are new."""
    cls = store_digest_event(service)
    async with engine.begin() as conn:
        await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": STORE_SEAL_LOCK_KEY})
        previous = await store.read_stream(STORE_DIGEST_STREAM, conn)
        last = previous[-1].data if previous else None
        rows = await _unsealed(conn, int(last["to_position"]) if last else 0)
        if all(is_store_digest(r["type"]) for r in rows):
            return None  # nothing but the last digest itself: no digest of a digest every hour
        previous_root = str(last["root"]) if last else GENESIS_HASH
        first, final, root = rows[0]["position"], rows[-1]["position"], merkle_root(leaves_of(rows))
        digest = cls(
            digest_id=str(uuid.uuid4()),
            sequence=len(previous) + 1,
            from_position=first,
            to_position=final,
            events=len(rows),
            merkle_root=root,
            previous_root=previous_root,
            root=chained_root(previous_root, first, final, len(rows), root),
            sealed_at=clock.now().isoformat(),
        )
        metadata = EventMetadata(Actor.system(service), "digest", "定期封存事件库摘要")
        new = NewEvent(
            type=getattr(cls, TYPE_ATTR),
            data=asdict(digest),
            metadata=metadata,
            schema_version=getattr(cls, VERSION_ATTR),
        )
        await store.append(STORE_DIGEST_STREAM, [new], len(previous), conn)
        return digest
