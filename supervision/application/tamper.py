"""Detecting rewritten history: copies against sealed digests, a source against the copies."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore.hashing import GENESIS_HASH
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore, verify_chain
from supervision.application.digest import ROW_COLUMNS, DigestVerification, Finding
from supervision.domain.digest import (
    DIGEST_STREAM,
    SealedRange,
    TrailDigestSealed,
    content_hash,
    digest_root,
    leaf_of,
    merkle_root,
)


async def _copies(
    conn: AsyncConnection, service: str, low: int, high: int
) -> dict[int, dict[str, Any]]:
    result = await conn.execute(
        text(
            f"SELECT {ROW_COLUMNS} FROM audit_trail WHERE service = :s"
            " AND position BETWEEN :low AND :high"
        ),
        {"s": service, "low": low, "high": high},
    )
    return {r.position: dict(r._mapping) for r in result}


async def _sealed_leaves(conn: AsyncConnection, r: SealedRange) -> dict[int, str]:
    result = await conn.execute(
        text(
            "SELECT position, leaf FROM digest_leaves WHERE service = :s"
            " AND position BETWEEN :low AND :high ORDER BY position"
        ),
        {"s": r.service, "low": r.from_position, "high": r.to_position},
    )
    return {row.position: row.leaf for row in result}


def _problem_of(service: str, row: dict[str, Any] | None, sealed: str | None) -> str | None:
    if row is None:
        return "event missing from supervision's copy"
    if content_hash(row) != row["hash"]:
        return "content does not match its hash"
    if sealed is not None and leaf_of(service, row) != sealed:
        return "differs from the sealed digest (hashes rewritten)"
    return None


async def _check_range(
    conn: AsyncConnection, digest: TrailDigestSealed, r: SealedRange, verdict: DigestVerification
) -> None:
    copies = await _copies(conn, r.service, r.from_position, r.to_position)
    sealed = await _sealed_leaves(conn, r)
    leaves_intact = merkle_root([sealed.get(p, "") for p in sorted(sealed)]) == r.merkle_root
    positions = range(r.from_position, r.to_position + 1)
    if not leaves_intact or len(sealed) != r.events:
        current = [leaf_of(r.service, copies[p]) if p in copies else "" for p in positions]
        if merkle_root(current) == r.merkle_root:
            sealed = dict(zip(positions, current, strict=True))  # only the leaf table was edited
        else:
            sealed = {}
    for position in positions:
        row = copies.get(position)
        problem = _problem_of(r.service, row, sealed.get(position))
        if problem is None and not sealed and row is not None:
            problem = "range no longer matches its sealed Merkle root"
        if problem:
            verdict.findings.append(
                Finding(
                    r.service,
                    position,
                    row["stream_id"] if row else None,
                    row["stream_version"] if row else None,
                    problem,
                    digest.sequence,
                )
            )
    verdict.events_checked += len(positions)


async def verify_digests(
    engine: AsyncEngine, store: EventStore, registry: EventRegistry
) -> DigestVerification:
    """Re-derive every sealed range from today's copies; name each position that changed."""
    verdict = DigestVerification()
    chain = await store.verify_stream(DIGEST_STREAM)
    verdict.digest_chain_ok = chain.ok
    digests = [registry.deserialize(e) for e in await store.read_stream(DIGEST_STREAM)]
    previous_root = GENESIS_HASH
    async with engine.connect() as conn:
        for digest in digests:
            if digest.previous_root != previous_root or digest.root != digest_root(
                digest.previous_root, digest.ranges
            ):
                verdict.digest_chain_ok = False
            previous_root = digest.root
            for sealed_range in digest.ranges:
                await _check_range(conn, digest, sealed_range, verdict)
            verdict.digests_checked += 1
    return verdict


async def compare_source(
    engine: AsyncEngine,
    service: str,
    rows: list[dict[str, Any]],
    span: tuple[int, int] | None = None,
) -> list[Finding]:
    """Check a service's own events (as its database holds them) against its chains and the copy.

    `span` (first, last position) is the slice the rows were read for, so that an event missing
    at either end of it is named too; without it the rows' own first and last positions."""
    findings = _chain_findings(service, rows)
    if not rows and span is None:
        return findings
    positions = [r["position"] for r in rows]
    low, high = span or (min(positions), max(positions))
    async with engine.connect() as conn:
        copies = await _copies(conn, service, low, high)
    seen = set()
    for row in rows:
        seen.add(row["position"])
        copy = copies.get(row["position"])
        if copy is None:
            problem = "not in supervision's copy (not yet received, or inserted afterwards)"
        elif leaf_of(service, row) != leaf_of(service, copy):
            problem = "differs from supervision's copy"
        else:
            continue
        findings.append(
            Finding(service, row["position"], row["stream_id"], row["stream_version"], problem)
        )
    for position in sorted(set(copies) - seen):
        copy = copies[position]
        findings.append(
            Finding(
                service, position, copy["stream_id"], copy["stream_version"], "missing at source"
            )
        )
    return sorted(findings, key=lambda f: (f.position, f.problem))


def _chain_findings(service: str, rows: list[dict[str, Any]]) -> list[Finding]:
    streams: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        streams[row["stream_id"]].append(row)
    findings = []
    for stream_id, stream_rows in streams.items():
        stream_rows.sort(key=lambda r: r["stream_version"])
        if stream_rows[0]["stream_version"] != 1:
            continue  # a partial stream: its chain cannot be walked from the start
        verdict = verify_chain(stream_id, stream_rows)
        if not verdict.ok and verdict.first_bad_version is not None:
            bad = stream_rows[verdict.first_bad_version - 1]
            findings.append(
                Finding(
                    service,
                    bad["position"],
                    stream_id,
                    bad["stream_version"],
                    f"source chain broken: {verdict.problem}",
                )
            )
    return findings
