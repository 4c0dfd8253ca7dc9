"""Re-verifying every sealed store on a schedule; each difference raises an alert (GEN-5).

For every `<service>.StoreDigestSealed` supervision received (its copy in the audit trail, held
outside that service's database): (a) the digest chain, and the Merkle root of supervision's copy
of the range; (b) the service's own database re-read for the range through the source check:
each event's hash recomputed from its content, its chains, each position against the copy, and the
range's Merkle root; (c) supervision's own sealed trail digests. See ADR 0022.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore.envelope import Actor, EventMetadata
from shared.eventstore.hashing import GENESIS_HASH
from shared.eventstore.merkle import content_hash, merkle_root
from shared.eventstore.registry import EventRegistry
from shared.eventstore.sealing import (
    STORE_DIGEST_SEALED,
    STORE_DIGEST_STREAM,
    digest_holds,
    leaves_of,
)
from shared.eventstore.store import EventStore
from supervision.application.digest import SEALED_SERVICES, Finding
from supervision.application.tamper import compare_source, verify_digests
from supervision.domain.alerts import AlertRaised, Detector
from supervision.domain.digest import DIGEST_STREAM
from supervision.source_check import BATCH, source_rows

PROVINCE = "62"
SUPERVISION = "supervision"


@dataclass(frozen=True)
class StoreFinding:
    """A place in a store that no longer holds what was sealed: which store, stream, position."""

    store: str  # the database holding the altered row: a service's own, or supervision's
    service: str  # whose events
    stream_id: str | None
    position: int
    problem: str
    check: str  # "copy" (a), "source" (b) or "trail" (c)
    digest_sequence: int | None = None


@dataclass
class StoreCheck:
    """The verdict of one scheduled check: what was looked at, what was found, alerts raised."""

    digests_checked: int = 0
    findings: list[StoreFinding] = field(default_factory=list)
    alerts_raised: int = 0


async def _received(conn: AsyncConnection, service: str) -> list[dict[str, Any]]:
    result = await conn.execute(
        text(
            "SELECT position, data FROM audit_trail WHERE service = :s AND type = :t"
            " ORDER BY (data->>'sequence')::bigint"
        ),
        {"s": service, "t": f"{service}.{STORE_DIGEST_SEALED}"},
    )
    return [{**r.data, "event_position": r.position} for r in result]


async def _copy_rows(conn: AsyncConnection, service: str, low: int, high: int) -> list[Any]:
    result = await conn.execute(
        text(
            "SELECT event_id, stream_id, stream_version, position, type, schema_version,"
            " occurred_at, recorded_at, data, metadata, prev_hash, hash FROM audit_trail"
            " WHERE service = :s AND position BETWEEN :low AND :high ORDER BY position"
        ),
        {"s": service, "low": low, "high": high},
    )
    return [dict(r._mapping) for r in result]


def _chain_of(service: str, digests: list[dict[str, Any]]) -> list[StoreFinding]:
    findings, previous_root = [], GENESIS_HASH
    for expected, digest in enumerate(digests, start=1):
        if (
            digest["sequence"] != expected
            or digest["previous_root"] != previous_root
            or not digest_holds(digest)
        ):
            findings.append(
                StoreFinding(
                    SUPERVISION,
                    service,
                    STORE_DIGEST_STREAM,
                    digest["event_position"],
                    "the received digest chain is broken",
                    "copy",
                    digest["sequence"],
                )
            )
        previous_root = digest["root"]
    return findings


def _check_copy(service: str, digest: dict[str, Any], rows: list[Any]) -> list[StoreFinding]:
    """(a) supervision's copy of the range: each hash recomputed, and the service's sealed root."""
    located = [
        StoreFinding(
            SUPERVISION,
            service,
            r["stream_id"],
            r["position"],
            "supervision's copy: content does not match its hash",
            "copy",
            digest["sequence"],
        )
        for r in rows
        if content_hash(r) != r["hash"]
    ]
    if located or merkle_root(leaves_of(rows)) == digest["merkle_root"]:
        return located
    return [
        StoreFinding(
            SUPERVISION,
            service,
            rows[0]["stream_id"] if rows else None,
            digest["from_position"],
            "supervision's copy no longer matches the service's sealed digest",
            "copy",
            digest["sequence"],
        )
    ]


async def _source_range(url: str, low: int, high: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    after = low - 1
    while batch := await source_rows(url, after, BATCH, upto=high):
        rows.extend(batch)
        after = batch[-1]["position"]
    return rows


async def _check_source(
    engine: AsyncEngine, service: str, url: str, digest: dict[str, Any]
) -> list[StoreFinding]:
    """(b) the service's own database for the range: hashes, chains, the copy, the sealed root."""
    low, high, sequence = digest["from_position"], digest["to_position"], digest["sequence"]
    rows = await _source_range(url, low, high)
    findings = [
        StoreFinding(
            service,
            service,
            r["stream_id"],
            r["position"],
            "content does not match its hash",
            "source",
            sequence,
        )
        for r in rows
        if content_hash(r) != r["hash"]
    ]
    if not findings and merkle_root(leaves_of(rows)) == digest["merkle_root"]:
        return []  # exactly as sealed: where the copy differs, the copy is what changed (a)
    findings += [
        StoreFinding(service, service, f.stream_id, f.position, f.problem, "source", sequence)
        for f in await compare_source(engine, service, rows, (low, high))
    ]
    if not findings:
        findings.append(
            StoreFinding(
                service,
                service,
                rows[0]["stream_id"] if rows else None,
                low,
                "range no longer matches its sealed Merkle root",
                "source",
                sequence,
            )
        )
    return findings


def _trail_findings(findings: list[Finding], chain_ok: bool) -> list[StoreFinding]:
    """(c) supervision's own sealed trail digests."""
    out = [
        StoreFinding(
            SUPERVISION, f.service, f.stream_id, f.position, f.problem, "trail", f.digest_sequence
        )
        for f in findings
    ]
    if not chain_ok:
        out.append(
            StoreFinding(
                SUPERVISION,
                SUPERVISION,
                DIGEST_STREAM,
                0,
                "supervision's trail digest chain is broken",
                "trail",
            )
        )
    return out


async def check_stores(
    engine: AsyncEngine,
    store: EventStore,
    registry: EventRegistry,
    sources: Mapping[str, str],
) -> StoreCheck:
    """One scheduled check of every sealed store; an alert per newly altered place."""
    verdict = StoreCheck()
    for service in SEALED_SERVICES:
        async with engine.connect() as conn:
            digests = await _received(conn, service)
            verdict.findings += _chain_of(service, digests)
            copies = [
                await _copy_rows(conn, service, d["from_position"], d["to_position"])
                for d in digests
            ]
        for digest, rows in zip(digests, copies, strict=True):
            if len(rows) < digest["events"]:
                continue  # still arriving (partitions are consumed apart); a lost copy row is (c)
            verdict.findings += _check_copy(service, digest, rows)
            if service in sources:
                verdict.findings += await _check_source(engine, service, sources[service], digest)
            verdict.digests_checked += 1
    trail = await verify_digests(engine, store, registry)
    verdict.findings += _trail_findings(trail.findings, trail.digest_chain_ok)
    verdict.alerts_raised = await raise_alerts(engine, store, registry, verdict.findings)
    return verdict


async def raise_alerts(
    engine: AsyncEngine, store: EventStore, registry: EventRegistry, found: list[StoreFinding]
) -> int:
    """`supervision.AlertRaised` (store_tampered) once per altered place; the count raised."""
    places: dict[str, list[StoreFinding]] = {}
    for finding in found:
        places.setdefault(f"{finding.store}:{finding.service}:{finding.position}", []).append(
            finding
        )
    raised = 0
    for key, findings in places.items():
        async with engine.begin() as conn:
            raised += await _raise_once(conn, store, registry, key, findings)
    return raised


async def _raise_once(
    conn: AsyncConnection,
    store: EventStore,
    registry: EventRegistry,
    key: str,
    findings: list[StoreFinding],
) -> int:
    alert_id = str(uuid.uuid4())
    claimed = await conn.execute(
        text(
            "INSERT INTO det_alerts (detector, key, alert_id) VALUES (:d, :k, :a)"
            " ON CONFLICT DO NOTHING RETURNING alert_id"
        ),
        {"d": Detector.STORE_TAMPERED.value, "k": key, "a": alert_id},
    )
    if claimed.first() is None:
        return 0  # raised by an earlier check
    first = findings[0]
    summary = (
        f"事件库被篡改：{first.store} 库 {first.service} 事件 {first.stream_id} 流"
        f" 第 {first.position} 位 — {first.problem}"
    )
    evidence = {
        "store": first.store,
        "service": first.service,
        "stream_id": first.stream_id,
        "position": first.position,
        "problems": sorted({f.problem for f in findings}),
        "checks": sorted({f.check for f in findings}),
        "digest_sequence": first.digest_sequence,
    }
    alert = AlertRaised(alert_id, Detector.STORE_TAMPERED, key, PROVINCE, (), summary, evidence)
    metadata = EventMetadata(Actor.system(SUPERVISION), "store-check", summary)
    await store.append(f"alert-{alert_id}", [registry.serialize(alert, metadata)], 0, conn)
    return 1
