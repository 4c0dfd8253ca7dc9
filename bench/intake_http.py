"""`python -m bench.intake_http`: intake POST /v1/applications vs a bare FastAPI + asyncpg insert.

One embedded PostgreSQL (fsync on) and one broker; each HTTP peer is its own uvicorn process with
one worker on a free loopback port:

- intake: `python -m services serve intake` (the real service: JWT, validation, idempotency key,
  INT-9 claims, event append, relay and projections running in the same process);
- bare: `uvicorn bench.intake_peers:bare_app`, a pydantic model of the same body and one asyncpg
  INSERT of it as JSONB;
- envelope: `uvicorn bench.intake_peers:envelope_app`, the bare INSERT inside the envelope every
  service wears (middleware, token, Idempotency-Key, intake's body schema): the ceiling of
  intake's ratio;
- unit: `uvicorn bench.intake_peers:unit_app`, the envelope's request plus intake's statements
  (idempotency claim, INT-9 locks and register, two hash-chained events, the stored answer) with
  the least Python between them: the floor of intake's unit of work on its own database;
- folded: `uvicorn bench.intake_peers:folded_app`, the unit's statements in one round trip (a
  PL/pgSQL function): the floor of a design that moved the unit of work into the database.

A light load generator in this process (bench.raw_http: prepared HTTP/1.1 requests on kept-alive
connections) POSTs distinct applications with fixed concurrency. Until 2026-11-29 it was an
httpx client, whose 1.1–1.4 ms of CPU per request capped the bare peer at about 700 req/s on this
2-core machine: the ratios measured with it (0.43–0.79) compared the load generator, not the peers.
`--profile` then profiles the intake request path in process (bench/intake_http_profile.py).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import platform
import shutil
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import asyncpg

from bench.intake_http_load import (
    Applications,
    PeerResult,
    Round,
    cpu_seconds,
    fire,
    own_cpu_seconds,
    postgres_pids,
)
from bench.intake_peers import (
    AUDIENCE,
    BARE_DSN_ENV,
    BARE_TABLE,
    FOLDED_DSN_ENV,
    FOLDED_FUNCTION,
    ISSUER,
    PUBLIC_KEY_ENV,
    UNIT_DSN_ENV,
)
from bench.processes import Server, spawn, stop, wait_healthy
from bench.runtime import database_url, plain_dsn
from intake.migrations import MIGRATIONS
from services.embedded import EmbeddedBroker, EmbeddedPostgres, ensure_database, free_port
from services.settings import PROJECT_ROOT
from shared.db import create_engine, migrate
from shared.http.tokens import TokenSigner, ensure_dev_keypair

DATA_DIR = PROJECT_ROOT / ".data"
PG_DIR = DATA_DIR / "bench-intake-pg"
WORK_DIR = DATA_DIR / "bench-intake"
CONCURRENCY = 16
REQUESTS = 1500
WARM_UP = 100
ROUNDS = 3
TARGET = 0.7
DATABASE_OF = {
    "intake": "bench_intake",
    "bare": "bench_bare",
    "envelope": "bench_bare",
    "unit": "bench_unit",
    "folded": "bench_folded",
}
# ---------------------------------------------------------------------------------------------
# Processes.


def _uvicorn(app: str, port: int) -> list[str]:
    """One uvicorn worker serving `app` on the loopback `port`, quietly."""
    return ["-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
            "--no-access-log", "--log-level", "warning"]  # fmt: skip


def _server(name: str, args: list[str], env: dict[str, str], port: int) -> Server:
    log = WORK_DIR / f"{name}.log"
    return Server(name, spawn(log, args, env), f"http://127.0.0.1:{port}", log)


@dataclass(frozen=True)
class Stack:
    """PostgreSQL, broker, the five peers and a signer for intake's tokens."""

    postgres: EmbeddedPostgres
    intake: Server
    bare: Server
    envelope: Server
    unit: Server
    folded: Server
    signer: TokenSigner


STATEMENT_STATS = ("shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all")
TOP_STATEMENTS = """
SELECT calls, total_exec_time + total_plan_time AS ms, left(regexp_replace(query, '\\s+', ' ',
    'g'), 110) AS query
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)
ORDER BY 2 DESC LIMIT 25
"""


@contextmanager
def _runtime(statements: bool = False) -> Iterator[tuple[EmbeddedPostgres, EmbeddedBroker]]:
    shutil.rmtree(PG_DIR, ignore_errors=True)
    shutil.rmtree(WORK_DIR, ignore_errors=True)
    WORK_DIR.mkdir(parents=True)
    settings = STATEMENT_STATS if statements else ()
    postgres = EmbeddedPostgres(PG_DIR, free_port(), fast=False, settings=settings)
    broker = EmbeddedBroker(free_port(), WORK_DIR / "broker.log")
    postgres.start()
    try:
        broker.start()
        try:
            yield postgres, broker
        finally:
            broker.stop()
    finally:
        postgres.stop()
        shutil.rmtree(PG_DIR, ignore_errors=True)
        shutil.rmtree(WORK_DIR, ignore_errors=True)


@asynccontextmanager
async def stack(postgres: EmbeddedPostgres, broker: EmbeddedBroker) -> AsyncIterator[Stack]:
    """Create both databases, start both peers, wait until they answer."""
    server = postgres.server_url
    await ensure_database(server, "bench_intake")
    await ensure_database(server, "bench_bare")
    bare_url = database_url(server, "bench_bare")
    conn = await asyncpg.connect(plain_dsn(bare_url))
    try:
        await conn.execute(BARE_TABLE)
    finally:
        await conn.close()
    unit_url = await _unit_database(server, "bench_unit")
    folded_url = await _unit_database(server, "bench_folded", FOLDED_FUNCTION)
    private_pem, _ = ensure_dev_keypair(
        WORK_DIR / "keys/jwt-private.pem", WORK_DIR / "keys/jwt-public.pem"
    )
    intake_port, bare_port, envelope_port, unit_port, folded_port = (free_port() for _ in range(5))
    env = {
        **os.environ,
        "DATABASE_URL": server,
        "INTAKE_DATABASE_URL": database_url(server, "bench_intake"),
        "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers,
        "KAFKA_ENABLE_IDEMPOTENCE": "false",
        "SAFETYNET_DATA_DIR": str(WORK_DIR),
        "INTAKE_PORT": str(intake_port),
        "LOG_LEVEL": "WARNING",
        BARE_DSN_ENV: plain_dsn(bare_url),
        UNIT_DSN_ENV: plain_dsn(unit_url),
        FOLDED_DSN_ENV: plain_dsn(folded_url),
        PUBLIC_KEY_ENV: str(WORK_DIR / "keys/jwt-public.pem"),
    }
    intake_args = ["-m", "services", "serve", "intake"]
    bare_args = _uvicorn("bench.intake_peers:bare_app", bare_port)
    intake = _server("intake", intake_args, env, intake_port)
    bare = _server("bare", bare_args, env, bare_port)
    envelope_args = _uvicorn("bench.intake_peers:envelope_app", envelope_port)
    envelope = _server("envelope", envelope_args, env, envelope_port)
    unit = _server("unit", _uvicorn("bench.intake_peers:unit_app", unit_port), env, unit_port)
    folded_args = _uvicorn("bench.intake_peers:folded_app", folded_port)
    folded = _server("folded", folded_args, env, folded_port)
    peers = (intake, bare, envelope, unit, folded)
    try:
        await asyncio.gather(*(wait_healthy(peer) for peer in peers))
        signer = TokenSigner(private_pem, ISSUER, AUDIENCE)
        yield Stack(postgres, intake, bare, envelope, unit, folded, signer)
    finally:
        for peer in peers:
            stop(peer.process)


async def _unit_database(server: str, name: str, *statements: str) -> str:
    """A floor's database `name`, prepared (`prepare_floor_database`)."""
    await ensure_database(server, name)
    url = database_url(server, name)
    await prepare_floor_database(url, *statements)
    return url


async def prepare_floor_database(url: str, *statements: str) -> None:
    """Give the database at `url` intake's schema (kernel tables and INT-9's), then run
    `statements` (a floor's function)."""
    engine = create_engine(url)
    try:
        await migrate(engine, MIGRATIONS)
    finally:
        await engine.dispose()
    conn = await asyncpg.connect(plain_dsn(url))
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


# ---------------------------------------------------------------------------------------------
# Measurement.


SAMPLE_EVERY_S = 0.02
SESSIONS = """
SELECT count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'),
       count(*) FILTER (WHERE state <> 'idle')
FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()
"""


async def _sample_sessions(dsn: str, database: str, stop: asyncio.Event) -> tuple[float, float]:
    """Mean sessions of `database` waiting on an advisory lock, and busy, until `stop`."""
    conn = await asyncpg.connect(dsn)
    waiting: list[int] = []
    busy: list[int] = []
    try:
        while not stop.is_set():
            row = await conn.fetchrow(SESSIONS, database)
            waiting.append(row[0])
            busy.append(row[1])
            await asyncio.sleep(SAMPLE_EVERY_S)
    finally:
        await conn.close()
    return (sum(waiting) / len(waiting), sum(busy) / len(busy)) if waiting else (0.0, 0.0)


async def _round(st: Stack, peer: Server, apps: Applications, count: int) -> Round:
    work = apps.take(count)
    pg = postgres_pids(_postmaster_pid(st.postgres))
    stop = asyncio.Event()
    sampler = asyncio.create_task(
        _sample_sessions(plain_dsn(st.postgres.server_url), DATABASE_OF[peer.name], stop)
    )
    before = (cpu_seconds([peer.process.pid]), cpu_seconds(pg), own_cpu_seconds())
    seconds, latencies = await fire(peer.url, "/v1/applications", work, CONCURRENCY)
    after = (cpu_seconds([peer.process.pid]), cpu_seconds(pg), own_cpu_seconds())
    stop.set()
    waiting, busy = await sampler
    cpu = {
        "server": after[0] - before[0],
        "postgres": after[1] - before[1],
        "load generator": after[2] - before[2],
    }
    return Round(count, seconds, latencies, cpu, waiting, busy)


def _postmaster_pid(postgres: EmbeddedPostgres) -> int:
    return int((postgres.data_dir / "postmaster.pid").read_text().split()[0])


@dataclass(frozen=True)
class Results:
    """The five peers' rounds."""

    intake: PeerResult
    bare: PeerResult
    envelope: PeerResult
    unit: PeerResult
    folded: PeerResult

    def __iter__(self) -> Iterator[PeerResult]:
        return iter((self.intake, self.unit, self.folded, self.envelope, self.bare))


async def measure(st: Stack) -> Results:
    """Warm every peer up, then alternate timed rounds (bare, envelope, unit, folded, intake)
    `ROUNDS` times."""
    token = st.signer.mint("bench-intake", "township_officer", "620102001", "城关区民政")
    apps = Applications(token)
    peers = (st.bare, st.envelope, st.unit, st.folded, st.intake)
    rounds: dict[str, list[Round]] = {peer.name: [] for peer in peers}
    for peer in peers:
        await _round(st, peer, apps, WARM_UP)
    for _ in range(ROUNDS):
        for peer in peers:
            rounds[peer.name].append(await _round(st, peer, apps, REQUESTS))
    return Results(
        PeerResult("intake POST /v1/applications", tuple(rounds["intake"])),
        PeerResult("bare FastAPI + asyncpg INSERT", tuple(rounds["bare"])),
        PeerResult("bare INSERT in the envelope", tuple(rounds["envelope"])),
        PeerResult("intake's statements, envelope", tuple(rounds["unit"])),
        PeerResult("the same in one round trip", tuple(rounds["folded"])),
    )


# ---------------------------------------------------------------------------------------------
# Report.


async def machine(postgres: EmbeddedPostgres) -> list[tuple[str, str]]:
    """Date, machine, versions and the database's durability settings."""
    conn = await asyncpg.connect(plain_dsn(postgres.server_url))
    try:
        server = await conn.fetchval("SHOW server_version")
        names = ("fsync", "synchronous_commit", "full_page_writes")
        settings = [f"{n}={await conn.fetchval(f'SHOW {n}')}" for n in names]
    finally:
        await conn.close()
    libs = ("fastapi", "uvicorn", "pydantic", "sqlalchemy", "asyncpg", "httpx", "pyjwt")
    return [
        ("date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("machine", f"nproc {os.cpu_count()}, {_cpu_model()}, {platform.platform()}"),
        ("python", platform.python_version()),
        ("postgresql", f"{server} (embedded, both peers on it; {', '.join(settings)})"),
        ("libraries", ", ".join(f"{lib} {version(lib)}" for lib in libs)),
        (
            "load",
            f"bench.raw_http in the bench process, {CONCURRENCY} concurrent keep-alive connections;"
            f" {WARM_UP} warm-up then {ROUNDS} rounds of {REQUESTS} per peer, alternating",
        ),
    ]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def render(facts: Sequence[tuple[str, str]], results: Results) -> str:
    """The report as text."""
    lines = ["Intake HTTP benchmark", ""]
    lines += [f"{k:<11}{v}" for k, v in facts]
    head = f"{'peer':<32}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}   rounds (req/s)"
    lines += ["", head, "-" * len(head)]
    for peer in results:
        m = peer.median
        rounds = ", ".join(f"{r.per_second:,.0f}" for r in peer.rounds)
        lines.append(
            f"{peer.peer:<32}{peer.per_second:>8,.0f}{m.percentile_ms(50):>9.1f}"
            f"{m.percentile_ms(99):>9.1f}   {rounds}"
        )
    head = f"{'CPU ms per request (median round)':<36}{'server':>8}{'postgres':>10}{'loadgen':>9}"
    lines += ["", head, "-" * len(head)]
    for peer in results:
        m = peer.median
        cpu = [m.cpu_s[k] * 1000 / m.requests for k in ("server", "postgres", "load generator")]
        lines.append(f"{peer.peer:<36}{cpu[0]:>8.2f}{cpu[1]:>10.2f}{cpu[2]:>9.2f}")
    head = f"{'DB sessions, mean of samples every 20 ms':<44}{'busy':>7}{'on advisory lock':>18}"
    lines += ["", head, "-" * len(head)]
    for peer in results:
        m = peer.median
        lines.append(f"{peer.peer:<44}{m.busy_sessions:>7.1f}{m.lock_waiters:>18.1f}")
    ratio = results.intake.per_second / results.bare.per_second
    ceiling = results.envelope.per_second / results.bare.per_second
    verdict = "met" if ratio >= TARGET else "NOT met"
    lines += [
        "",
        f"ratio intake/bare {ratio:.2f} (target >= {TARGET:g}: {verdict})",
        f"ratio envelope/bare {ceiling:.2f}: the ceiling of intake's ratio — the bare INSERT"
        " inside the service's middleware, token check, Idempotency-Key and intake's body schema",
        f"ratio intake/envelope {results.intake.per_second / results.envelope.per_second:.2f}:"
        " intake's own unit of work (idempotency record, INT-9 claims, two hash-chained events)",
        f"ratio unit/envelope {results.unit.per_second / results.envelope.per_second:.2f}:"
        " the same unit of work with the least Python (the floor of intake's design)",
        f"ratio intake/unit {results.intake.per_second / results.unit.per_second:.2f}:"
        " intake against that floor",
        f"ratio folded/envelope {results.folded.per_second / results.envelope.per_second:.2f}:"
        " the unit's statements in one round trip (the floor of a unit of work in the database)",
    ]
    return "\n".join(lines)


async def _run(statements: bool = False) -> str:
    with _runtime(statements) as (postgres, broker):
        async with stack(postgres, broker) as st:
            if statements:
                await _reset_statement_stats(postgres)
            results = await measure(st)
            facts = await machine(postgres)
            top = await _top_statements(postgres, results.intake) if statements else ""
    return render(facts, results) + top


async def _reset_statement_stats(postgres: EmbeddedPostgres) -> None:
    conn = await asyncpg.connect(plain_dsn(postgres.server_url))
    try:
        await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        await conn.execute("SELECT pg_stat_statements_reset()")
    finally:
        await conn.close()


async def _top_statements(postgres: EmbeddedPostgres, intake: PeerResult) -> str:
    """PostgreSQL time per intake request by statement (pg_stat_statements, all rounds)."""
    conn = await asyncpg.connect(plain_dsn(postgres.server_url))
    try:
        rows = await conn.fetch(TOP_STATEMENTS, "bench_intake")
    finally:
        await conn.close()
    requests = WARM_UP + sum(r.requests for r in intake.rounds)
    lines = ["", "", f"{'calls/req':>9}{'ms/req':>8}  statement (intake database)"]
    for row in rows:
        lines.append(f"{row['calls'] / requests:>9.2f}{row['ms'] / requests:>8.3f}  {row['query']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the comparison (or, with --profile, profile the intake request path in process)."""
    parser = argparse.ArgumentParser(prog="python -m bench.intake_http", description=__doc__)
    parser.add_argument("--profile", action="store_true", help="profile intake's POST in process")
    parser.add_argument(
        "--statements", action="store_true", help="also print PostgreSQL time per statement"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    began = time.perf_counter()
    if args.profile:
        from bench.intake_http_profile import run_profile

        text = asyncio.run(run_profile())
    else:
        text = asyncio.run(_run(args.statements))
    print(text)
    print(f"\ntotal run time {time.perf_counter() - began:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
