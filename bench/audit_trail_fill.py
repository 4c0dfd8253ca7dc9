"""Fill supervision's `audit_trail` server-side: N events over N/10 cases, in chunks.

Each case gets 10 events from three services (intake 4, verification 3, payments 3), with about
300 bytes of JSON data (mostly Chinese text), metadata naming the actor, and sha256-shaped hashes.
A chunk writes event k of all its cases before event k+1, so a case's rows land on different heap
pages, as they would when its events arrive weeks apart between other cases' events.

The table's indexes and unique constraints (as the migrations made them) are dropped for the fill
and built again afterwards from their own definitions: a sorted build instead of 10 million
random B-tree inserts. The definitions are checked to be the same afterwards.
"""

from __future__ import annotations

import asyncio
import csv
import time
from collections.abc import Callable
from pathlib import Path

import asyncpg

import shared.reference

EVENTS_PER_CASE = 10

# k → (service, stream prefix, stream version, event type)
_SLOTS = (
    ("intake", "application", 1, "intake.ApplicationSubmitted"),
    ("intake", "application", 2, "intake.HouseholdVisited"),
    ("intake", "application", 3, "intake.DocumentsAttached"),
    ("intake", "application", 4, "intake.ApplicationForwarded"),
    ("verification", "verification", 1, "verification.CheckRequested"),
    ("verification", "verification", 2, "verification.EvidenceReceived"),
    ("verification", "verification", 3, "verification.CheckConcluded"),
    ("payments", "beneficiary", 1, "payments.BeneficiaryEnrolled"),
    ("payments", "beneficiary", 2, "payments.PaymentScheduled"),
    ("payments", "beneficiary", 3, "payments.PaymentMade"),
)


def _counties() -> list[str]:
    path = Path(shared.reference.__file__).parent / "gansu-divisions.csv"
    with path.open(encoding="utf-8") as f:
        return [row["code"] for row in csv.DictReader(f) if row["level"] == "county"]


COUNTIES = _counties()


def division_sql(number: str) -> str:
    """SQL for the township division code of case number `number` (a real county's)."""
    return (
        f"({_array(COUNTIES)})[1 + ({number}) % {len(COUNTIES)}]"
        f" || lpad((1 + ({number}) % 30)::text, 3, '0')"
    )


def _array(values: list[str]) -> str:
    return "ARRAY[" + ", ".join(f"'{v}'" for v in values) + "]::text[]"


def case_id_sql(number: str) -> str:
    """SQL for the case id (a uuid, as an application id is) of case number `number`."""
    return f"md5('case-' || ({number})::text)::uuid::text"


_FILL = f"""
INSERT INTO audit_trail (event_id, case_id, service, stream_id, stream_version, position, type,
    schema_version, occurred_at, recorded_at, data, metadata, prev_hash, hash)
SELECT
    gen_random_uuid(), s.cid, s.service, s.prefix || '-' || s.cid, s.version, s.c * 10 + s.k,
    s.type, 1, s.at - interval '2 seconds', s.at,
    jsonb_build_object(
        'application_id', s.cid,
        'division_code', s.division,
        'household', jsonb_build_object(
            'head', '申请人' || substr(md5(s.cid), 1, 6),
            'members', 1 + s.c % 6,
            'address', '甘肃省兰州市城关区某街道第' || (s.c % 97) || '社区' || (s.c % 40) || '号',
            'monthly_income_fen', (s.c * 7919) % 300000
        ),
        'programme', 'dibao',
        'note', '入户核查：家庭成员因病丧失劳动能力，已提交收入证明。'
    ),
    jsonb_build_object(
        'actor', jsonb_build_object(
            'id', 'officer-' || (s.c % 5000), 'role', 'township_officer',
            'org', '城关区某街道办事处', 'division', s.division
        ),
        'channel', 'api:' || s.service,
        'reason', '按规定办理（' || s.type || '）',
        'correlation_id', md5('corr-' || s.c)::uuid::text,
        'causation_id', NULL,
        'case_id', s.cid
    ),
    CASE WHEN s.version = 1 THEN repeat('0', 64)
         ELSE encode(sha256(convert_to(s.cid || (s.k - 1), 'UTF8')), 'hex') END,
    encode(sha256(convert_to(s.cid || s.k, 'UTF8')), 'hex')
FROM (
    SELECT
        g.c, g.k, {case_id_sql("g.c")} AS cid,
        ({_array([s[0] for s in _SLOTS])})[g.k + 1] AS service,
        ({_array([s[1] for s in _SLOTS])})[g.k + 1] AS prefix,
        (ARRAY[{", ".join(str(s[2]) for s in _SLOTS)}])[g.k + 1] AS version,
        ({_array([s[3] for s in _SLOTS])})[g.k + 1] AS type,
        {division_sql("g.c")} AS division,
        timestamptz '2026-01-05 09:00:00+08' + g.c * interval '15 seconds'
            + g.k * interval '2 days' AS at
    FROM (
        SELECT $1::bigint + i % $2::bigint AS c, i / $2::bigint AS k
        FROM generate_series(0, $2::bigint * {EVENTS_PER_CASE} - 1) AS i
    ) g
) s
"""

_CASE_INDEX = f"""
INSERT INTO case_index (case_id, division_code)
SELECT {case_id_sql("c")}, {division_sql("c")}
FROM generate_series($1::bigint, $1::bigint + $2::bigint - 1) AS c
"""

_INDEXES = """
SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
WHERE x.indrelid = 'audit_trail'::regclass
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
ORDER BY 1
"""

_CONSTRAINTS = """
SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
WHERE conrelid = 'audit_trail'::regclass AND contype IN ('p', 'u') ORDER BY 1
"""


async def _definitions(conn: asyncpg.Connection) -> tuple[list[tuple[str, str]], ...]:
    indexes = [(r["name"], r["definition"]) for r in await conn.fetch(_INDEXES)]
    constraints = [(r["name"], r["definition"]) for r in await conn.fetch(_CONSTRAINTS)]
    return indexes, constraints


async def fill(
    dsn: str,
    events: int,
    *,
    chunk_cases: int = 25_000,
    jobs: int = 2,
    say: Callable[[str], None] = print,
) -> dict[str, float]:
    """Write `events` audit-trail rows (and the case index); return the seconds of each phase."""
    cases = events // EVENTS_PER_CASE
    conn = await asyncpg.connect(dsn)
    try:
        indexes, constraints = await _definitions(conn)
        for name, _ in constraints:
            await conn.execute(f"ALTER TABLE audit_trail DROP CONSTRAINT {name}")
        for name, _ in indexes:
            await conn.execute(f"DROP INDEX {name}")
    finally:
        await conn.close()

    began = time.perf_counter()
    starts = list(range(0, cases, chunk_cases))
    queue: asyncio.Queue[int] = asyncio.Queue()
    for start in starts:
        queue.put_nowait(start)
    done = 0

    async def worker() -> None:
        nonlocal done
        wconn = await asyncpg.connect(dsn)
        try:
            while not queue.empty():
                start = queue.get_nowait()
                size = min(chunk_cases, cases - start)
                async with wconn.transaction():
                    await wconn.execute(_FILL, start, size)
                    await wconn.execute(_CASE_INDEX, start, size)
                done += size * EVENTS_PER_CASE
                elapsed = time.perf_counter() - began
                say(
                    f"  filled {done:>11,} / {events:,} events"
                    f"  {elapsed:6.0f}s  {done / elapsed:9,.0f} events/s"
                )
        finally:
            await wconn.close()

    await asyncio.gather(*(worker() for _ in range(jobs)))
    inserted = time.perf_counter() - began

    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("SET maintenance_work_mem = '1GB'")
        for name, definition in constraints:
            t = time.perf_counter()
            await conn.execute(f"ALTER TABLE audit_trail ADD CONSTRAINT {name} {definition}")
            say(f"  built {name} in {time.perf_counter() - t:.0f}s")
        for name, definition in indexes:
            t = time.perf_counter()
            await conn.execute(definition)
            say(f"  built {name} in {time.perf_counter() - t:.0f}s")
        if await _definitions(conn) != (indexes, constraints):
            raise RuntimeError("audit_trail's indexes differ from the migrations' after the fill")
        indexed = time.perf_counter() - began - inserted
        t = time.perf_counter()
        await conn.execute("ANALYZE audit_trail")
        await conn.execute("ANALYZE case_index")
        analysed = time.perf_counter() - t
        size = await conn.fetchval("SELECT pg_total_relation_size('audit_trail')")
        avg_data = await conn.fetchval(
            "SELECT avg(octet_length(data::text)) FROM"
            " (SELECT data FROM audit_trail TABLESAMPLE SYSTEM (0.1) LIMIT 1000) t"
        )
        avg_meta = await conn.fetchval(
            "SELECT avg(octet_length(metadata::text)) FROM"
            " (SELECT metadata FROM audit_trail TABLESAMPLE SYSTEM (0.1) LIMIT 1000) t"
        )
    finally:
        await conn.close()
    return {
        "insert_s": inserted,
        "index_s": indexed,
        "analyze_s": analysed,
        "total_s": inserted + indexed + analysed,
        "table_bytes": float(size),
        "data_bytes": float(avg_data or 0),
        "metadata_bytes": float(avg_meta or 0),
    }
