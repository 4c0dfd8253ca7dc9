"""Reading a case's audit trail and re-verifying the hash chains it carries (SUP-1, GEN-5)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.db import fetch_dicts
from shared.eventstore.store import StreamVerification, verify_chain

_COLUMNS = """event_id, case_id, service, stream_id, stream_version, position, type,
    schema_version, occurred_at, recorded_at, data, metadata, prev_hash, hash"""
_ORDER = "ORDER BY recorded_at, service, position"  # audit_trail_case_idx holds rows in this order
# the case's own events, and those of streams about it besides their own (trail_links); a linked
# stream's events of this case are its own already
_OWN_AND_LINKED = f"""SELECT {_COLUMNS} FROM audit_trail WHERE case_id = $1
    UNION ALL
    SELECT {", ".join(f"a.{c.strip()}" for c in _COLUMNS.split(","))}
    FROM trail_links l JOIN audit_trail a ON a.service = l.service AND a.stream_id = l.stream_id
    WHERE l.case_id = $1 AND a.case_id <> $1"""
_TRAIL = f"SELECT * FROM ({_OWN_AND_LINKED}) t {_ORDER}"
_PAGE = f"""SELECT * FROM ({_OWN_AND_LINKED}) t
    WHERE (recorded_at, service, position) > ($2, $3, $4) {_ORDER} LIMIT $5"""
_BEGINNING = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class ChainReport:
    """The verdict on one stream of one service within a case."""

    service: str
    verification: StreamVerification


async def load_trail(engine: AsyncEngine, case_id: str) -> list[dict[str, Any]]:
    """The case's events from every service, in recorded order (one statement on the driver)."""
    return await fetch_dicts(engine, _TRAIL, case_id)


async def load_trail_page(
    engine: AsyncEngine, case_id: str, after: dict[str, Any] | None, limit: int
) -> list[dict[str, Any]]:
    """Up to `limit` + 1 of the case's events after a keyset position (None: the first)."""
    if after is None:
        keyset: tuple[datetime, str, int] = (_BEGINNING, "", 0)
    else:
        keyset = (datetime.fromisoformat(after["at"]), after["service"], int(after["position"]))
    return await fetch_dicts(engine, _PAGE, case_id, *keyset, limit + 1)


async def services_of(engine: AsyncEngine, case_id: str) -> list[str]:
    """The services that recorded events of the case."""
    sql = f"SELECT DISTINCT service FROM ({_OWN_AND_LINKED}) t ORDER BY 1"
    return [row["service"] for row in await fetch_dicts(engine, sql, case_id)]


async def case_division(engine: AsyncEngine, case_id: str) -> str | None:
    """The division code of the case's residence, as the first event that named it said."""
    sql = "SELECT division_code FROM case_index WHERE case_id = $1"
    rows = await fetch_dicts(engine, sql, case_id)
    return str(rows[0]["division_code"]) if rows else None


_STREAM = text(
    """
    SELECT event_id, case_id, service, stream_id, stream_version, position, type, schema_version,
        occurred_at, recorded_at, data, metadata, prev_hash, hash
    FROM audit_trail WHERE service = :service AND stream_id = :stream_id
    ORDER BY stream_version
    """
)


async def load_whole_streams(
    engine: AsyncEngine, trail: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every copied event of each stream the trail touches (a complaint's stream is partly
    about the case), so that each chain is walked from its first event."""
    keys = sorted({(row["service"], row["stream_id"]) for row in trail})
    rows: list[dict[str, Any]] = []
    async with engine.connect() as conn:
        for service, stream_id in keys:
            result = await conn.execute(_STREAM, {"service": service, "stream_id": stream_id})
            rows.extend(dict(r._mapping) for r in result)
    return rows


def verify_trail(trail: list[dict[str, Any]]) -> list[ChainReport]:
    """Re-walk each stream's chain from the copies supervision holds."""
    streams: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in trail:
        streams[(row["service"], row["stream_id"])].append(row)
    reports = []
    for (service, stream_id), rows in sorted(streams.items()):
        rows.sort(key=lambda r: r["stream_version"])
        reports.append(ChainReport(service, verify_chain(stream_id, rows)))
    return reports


_SEALS = text(
    """
    SELECT l.service, l.position, l.digest_sequence FROM digest_leaves l
    JOIN audit_trail t ON t.service = l.service AND t.position = l.position
    WHERE t.case_id = :case_id
    """
)


async def seals_of(engine: AsyncEngine, case_id: str) -> dict[tuple[str, int], int]:
    """Which digest sealed each of the case's events: (service, position) → digest sequence."""
    async with engine.connect() as conn:
        rows = await conn.execute(_SEALS, {"case_id": case_id})
        return {(r.service, r.position): r.digest_sequence for r in rows}
