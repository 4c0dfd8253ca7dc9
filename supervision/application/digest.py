"""Sealing the audit trail into periodic chained digests, and checking history against them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.clock import Clock
from shared.eventstore.envelope import Actor, EventMetadata
from shared.eventstore.hashing import GENESIS_HASH
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore
from supervision.domain.digest import (
    DIGEST_STREAM,
    SealedRange,
    TrailDigestSealed,
    digest_root,
    leaf_of,
    merkle_root,
)

SEAL_LOCK_KEY = 7_310_601
SEALED_SERVICES = ("intake", "payments", "supervision", "verification")  # every copied log
MAX_EVENTS_PER_SEAL = 200_000
ROW_COLUMNS = (
    "event_id, stream_id, stream_version, position, type, schema_version, occurred_at,"
    " recorded_at, data, metadata, prev_hash, hash"
)


@dataclass(frozen=True)
class Finding:
    """One place where history disagrees with what was sealed or copied."""

    service: str
    position: int
    stream_id: str | None
    stream_version: int | None
    problem: str
    digest_sequence: int | None = None


@dataclass
class DigestVerification:
    """The verdict on every digest: is the digest chain whole, and which positions were altered."""

    digests_checked: int = 0
    events_checked: int = 0
    digest_chain_ok: bool = True
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the digest chain holds and every sealed event is as sealed."""
        return self.digest_chain_ok and not self.findings


async def _rows_after(conn: AsyncConnection, service: str, after: int) -> list[dict[str, Any]]:
    result = await conn.execute(
        text(
            f"SELECT {ROW_COLUMNS} FROM audit_trail WHERE service = :s AND position > :p"
            " ORDER BY position LIMIT :n"
        ),
        {"s": service, "p": after, "n": MAX_EVENTS_PER_SEAL},
    )
    return [dict(r._mapping) for r in result]


def _contiguous(rows: list[dict[str, Any]], after: int) -> list[dict[str, Any]]:
    run: list[dict[str, Any]] = []
    for row in rows:
        if row["position"] != after + len(run) + 1:
            break
        run.append(row)
    return run


async def _seal_service(conn: AsyncConnection, service: str, sequence: int) -> SealedRange | None:
    last = (
        await conn.execute(
            text("SELECT coalesce(max(position), 0) FROM digest_leaves WHERE service = :s"),
            {"s": service},
        )
    ).scalar_one()
    run = _contiguous(await _rows_after(conn, service, int(last)), int(last))
    if not run:
        return None
    leaves = [leaf_of(service, row) for row in run]
    await conn.execute(
        text(
            "INSERT INTO digest_leaves (service, position, leaf, digest_sequence)"
            " VALUES (:service, :position, :leaf, :sequence)"
        ),
        [
            {"service": service, "position": r["position"], "leaf": leaf, "sequence": sequence}
            for r, leaf in zip(run, leaves, strict=True)
        ],
    )
    return SealedRange(
        service, run[0]["position"], run[-1]["position"], len(run), merkle_root(leaves)
    )


async def seal_digest_now(
    engine: AsyncEngine, store: EventStore, registry: EventRegistry, clock: Clock, reason: str
) -> TrailDigestSealed | None:
    """Seal in a transaction of its own (the periodic loop)."""
    async with engine.begin() as conn:
        return await seal_digest(conn, store, registry, clock, reason)


async def seal_digest(
    conn: AsyncConnection, store: EventStore, registry: EventRegistry, clock: Clock, reason: str
) -> TrailDigestSealed | None:
    """Seal everything newly copied into one chained digest; None when nothing is new."""
    await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SEAL_LOCK_KEY})
    previous = [registry.deserialize(e) for e in await store.read_stream(DIGEST_STREAM, conn)]
    sequence = len(previous) + 1
    ranges = [r for s in SEALED_SERVICES if (r := await _seal_service(conn, s, sequence))]
    if not ranges:
        return None
    previous_root = previous[-1].root if previous else GENESIS_HASH
    now = clock.now()
    digest = TrailDigestSealed(
        digest_id=str(uuid.uuid4()),
        sequence=sequence,
        period_start=previous[-1].period_end if previous else now,
        period_end=now,
        ranges=tuple(ranges),
        previous_root=previous_root,
        root=digest_root(previous_root, ranges),
    )
    metadata = EventMetadata(actor=Actor.system("supervision"), channel="digest", reason=reason)
    await store.append(DIGEST_STREAM, [registry.serialize(digest, metadata)], len(previous), conn)
    return digest


async def list_digests(store: EventStore, registry: EventRegistry) -> list[TrailDigestSealed]:
    """Every digest sealed so far, oldest first."""
    return [registry.deserialize(e) for e in await store.read_stream(DIGEST_STREAM)]


def last_sealed_at(digests: list[TrailDigestSealed]) -> datetime | None:
    """When the last digest was sealed."""
    return digests[-1].period_end if digests else None
