"""`python -m bench.audit_trail [--events N]`: a case's audit-trail read latency with N events in
the store, next to a plain indexed SELECT of the same rows (the floor), in the same run.

One embedded PostgreSQL (fsync on) under .data/bench-audit-pg, deleted before and after.
Supervision's schema comes from its migrations; `audit_trail` is filled server-side
(bench/audit_trail_fill.py). Then, for a sample of random cases, each case is read by:

- floor: raw asyncpg, a prepared `SELECT * FROM audit_trail WHERE case_id = $1 ORDER BY …`
  (jsonb columns come back as text);
- floor + jsonb decoded: the same, with asyncpg decoding jsonb by json.loads as the engine does;
- load_trail: supervision.application.audit.load_trail (the verify and export routes' read);
- load_trail_page: load_trail_page(…, None, 50), the query the GET route pages with;
- HTTP GET: GET /v1/cases/{id}/audit-trail on supervision's app through httpx.ASGITransport
  (token check, page, case division, services, response model), real token, same database.

The paths take turns in a rotating order, each case once per path, after a warm-up.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import platform
import random
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bench.audit_trail_fill import EVENTS_PER_CASE, fill
from bench.runtime import DATA_DIR, database_url, plain_dsn
from services.embedded import EmbeddedPostgres, ensure_database, free_port
from shared.clock import CHINA, ManualClock
from shared.db import create_engine, migrate
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig
from supervision.application.audit import load_trail, load_trail_page
from supervision.bootstrap import build
from supervision.migrations import MIGRATIONS

PG_DIR = DATA_DIR / "bench-audit-pg"
DATABASE = "audit_bench"
PATHS = (
    "floor (asyncpg SELECT)",
    "floor + jsonb decoded",
    "load_trail",
    "load_trail_page",
    "HTTP GET audit-trail",
)
_FLOOR = "SELECT * FROM audit_trail WHERE case_id = $1 ORDER BY recorded_at, service, position"

Reader = Callable[[str], Awaitable[int]]


def case_id(number: int) -> str:
    """The case id the fill gives case `number` (md5 of 'case-N' as a uuid)."""
    return str(uuid.UUID(hashlib.md5(f"case-{number}".encode()).hexdigest()))


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (nearest rank) of the values."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


async def measure(url: str, events: int, samples: int, warmup: int, seed: int) -> str:
    """Readers over the filled database; time each sampled case on every path; the report."""
    engine = create_engine(url)
    floor_conn = await asyncpg.connect(plain_dsn(url))
    keys = Path(tempfile.mkdtemp(prefix="bench-audit-keys-"))
    private, public = ensure_dev_keypair(keys / "k.pem", keys / "k.pub")
    config = ServiceConfig(
        service="supervision",
        database_url=url,
        kafka=KafkaConfig("127.0.0.1:1", False, "bench"),
        token_public_key_pem=public,
        jwt_issuer="bench",
        jwt_audience="safetynet",
    )
    runtime = build(replace(config, clock=ManualClock(datetime(2026, 11, 30, 9, 0, tzinfo=CHINA))))
    token = TokenSigner(private, "bench", "safetynet").mint(
        "auditor-62", "province_officer", "62", "省民政厅"
    )
    client = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=runtime.app),
        base_url="http://supervision",
        headers={"Authorization": f"Bearer {token}"},
    )
    floor_statement = await floor_conn.prepare(_FLOOR)
    decoding_conn = await asyncpg.connect(plain_dsn(url))
    await decoding_conn.set_type_codec(
        "jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog"
    )
    decoding_statement = await decoding_conn.prepare(_FLOOR)

    async def floor(cid: str) -> int:
        return len(await floor_statement.fetch(cid))

    async def decoded(cid: str) -> int:
        return len(await decoding_statement.fetch(cid))

    async def trail(cid: str) -> int:
        return len(await load_trail(runtime.engine, cid))

    async def page(cid: str) -> int:
        return len(await load_trail_page(runtime.engine, cid, None, 50))

    async def http(cid: str) -> int:
        response = await client.get(f"/v1/cases/{cid}/audit-trail")
        if response.status_code != 200:
            raise RuntimeError(f"GET audit-trail: {response.status_code} {response.text}")
        return len(response.json()["entries"])

    readers: list[Reader] = [floor, decoded, trail, page, http]
    cases = events // EVENTS_PER_CASE
    rng = random.Random(seed)
    picked = rng.sample(range(cases), min(cases, warmup + samples))
    timings: list[list[float]] = [[] for _ in readers]
    try:
        for n, number in enumerate(picked):
            cid = case_id(number)
            await floor_conn.fetchval("SELECT count(*) FROM audit_trail WHERE case_id = $1", cid)
            order = [(n + i) % len(readers) for i in range(len(readers))]
            for i in order:
                began = time.perf_counter()
                rows = await readers[i](cid)
                elapsed = time.perf_counter() - began
                if rows != EVENTS_PER_CASE:
                    raise RuntimeError(f"{PATHS[i]} read {rows} rows of case {cid}")
                if n >= warmup:
                    timings[i].append(elapsed)
    finally:
        await client.aclose()
        await floor_conn.close()
        await decoding_conn.close()
        await runtime.engine.dispose()
        await engine.dispose()
        shutil.rmtree(keys, ignore_errors=True)
    return render(timings)


def render(timings: list[list[float]]) -> str:
    """One line per path: p50, p99, mean, max (ms) and the ratios to the floor."""
    floor_p50 = statistics.median(timings[0])
    floor_p99 = percentile(timings[0], 99)
    lines = [
        f"{'path':<24}{'cases':>6}{'p50 ms':>9}{'p99 ms':>9}{'mean ms':>9}{'max ms':>9}"
        f"{'p50/floor':>11}{'p99/floor':>11}",
        "-" * 88,
    ]
    for name, values in zip(PATHS, timings, strict=True):
        p50, p99 = statistics.median(values), percentile(values, 99)
        lines.append(
            f"{name:<24}{len(values):>6}{p50 * 1e3:>9.2f}{p99 * 1e3:>9.2f}"
            f"{statistics.fmean(values) * 1e3:>9.2f}{max(values) * 1e3:>9.2f}"
            f"{p50 / floor_p50:>11.2f}{p99 / floor_p99:>11.2f}"
        )
    return "\n".join(lines)


async def prepare(server_url: str, events: int, jobs: int) -> tuple[str, dict[str, float]]:
    """The database with supervision's schema and the filled trail."""
    await ensure_database(server_url, DATABASE)
    url = database_url(server_url, DATABASE)
    engine = create_engine(url)
    try:
        await migrate(engine, MIGRATIONS)
    finally:
        await engine.dispose()
    print(f"filling audit_trail with {events:,} events ({events // EVENTS_PER_CASE:,} cases)")
    phases = await fill(plain_dsn(url), events, jobs=jobs)
    return url, phases


async def server_facts(url: str) -> dict[str, Any]:
    """Version and durability settings as the server reports them."""
    conn = await asyncpg.connect(plain_dsn(url))
    try:
        facts: dict[str, Any] = {"version": await conn.fetchval("SHOW server_version")}
        for name in ("fsync", "synchronous_commit", "shared_buffers", "data_checksums"):
            facts[name] = await conn.fetchval(f"SHOW {name}")
        return facts
    finally:
        await conn.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Start PostgreSQL, fill, measure, print; remove the data directory afterwards."""
    parser = argparse.ArgumentParser(prog="python -m bench.audit_trail", description=__doc__)
    parser.add_argument("--events", type=int, default=10_000_000, help="events in the store")
    parser.add_argument("--samples", type=int, default=200, help="timed cases per path")
    parser.add_argument("--warmup", type=int, default=20, help="untimed cases first")
    parser.add_argument("--jobs", type=int, default=2, help="concurrent fill connections")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    shutil.rmtree(PG_DIR, ignore_errors=True)
    postgres = EmbeddedPostgres(PG_DIR, free_port(), fast=False)
    postgres.start()
    try:
        url, phases = asyncio.run(prepare(postgres.server_url, args.events, args.jobs))
        print(
            f"fill: {args.events:,} events in {phases['total_s']:.0f}s"
            f" (insert {phases['insert_s']:.0f}s = {args.events / phases['insert_s']:,.0f}/s,"
            f" indexes {phases['index_s']:.0f}s, analyze {phases['analyze_s']:.0f}s);"
            f" audit_trail {phases['table_bytes'] / 2**30:.2f} GiB with indexes;"
            f" avg data {phases['data_bytes']:.0f} B, metadata {phases['metadata_bytes']:.0f} B"
        )
        facts = asyncio.run(server_facts(url))
        print(
            f"PostgreSQL {facts['version']}, fsync={facts['fsync']},"
            f" synchronous_commit={facts['synchronous_commit']},"
            f" shared_buffers={facts['shared_buffers']}, data_checksums={facts['data_checksums']};"
            f" Python {platform.python_version()}; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        )
        print()
        print(asyncio.run(measure(url, args.events, args.samples, args.warmup, args.seed)))
    finally:
        postgres.stop()
        shutil.rmtree(PG_DIR, ignore_errors=True)
    print(f"\ntotal run time {time.perf_counter() - began:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
