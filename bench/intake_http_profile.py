"""`python -m bench.intake_http --profile`: where the intake POST spends its time, in process.

The intake app is built as the tests build it (`intake.bootstrap.build`) on a fresh database of an
embedded PostgreSQL with fsync on, and driven through `httpx.ASGITransport` (no HTTP sockets).
Three views, none of which changes intake code (wrappers are installed on module attributes of
this process only):

1. CPU-only pieces timed alone: JWT verify, body validation, request fingerprint.
2. Phase wall times per request, sequential (concurrency 1) and with 16 in flight: every SQL
   statement and COMMIT timed on the connection, plus how long the global append lock is held
   (from the lock-and-head statement returning to the end of the transaction).
3. cProfile of a concurrent run with the relay (to the embedded broker) and the projections
   running, as in the served process: own time grouped by component, then the top functions.
"""

from __future__ import annotations

import asyncio
import cProfile
import io
import pstats
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncConnection

from bench.intake_http import PG_DIR, WORK_DIR, _runtime
from bench.intake_http_load import TOWNSHIP, Applications, application
from bench.runtime import database_url
from intake.bootstrap import build
from intake.schemas import ApplicationCreate
from services.embedded import ensure_database
from services.settings import SERVICES
from shared.eventstore import append as append_sql
from shared.http import idempotency
from shared.http.tokens import TokenSigner, TokenVerifier, ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.messaging.topics import dlq_topic, ensure_topics, events_topic
from shared.runtime import ServiceConfig, ServiceRuntime

SEQUENTIAL = 300
CONCURRENT = 1600
CONCURRENCY = 16
MICRO = 2000
TOP = 22

Phases = dict[str, list[float]]
_request: ContextVar[dict[str, float] | None] = ContextVar("bench_request", default=None)


def _label(statement: Any) -> str:
    sql = " ".join(str(statement).split())
    if statement is append_sql.LOCK_AND_HEAD:
        return "append: global lock + stream head"
    for prefix, label in (
        ("INSERT INTO idempotency_keys", "idempotency key INSERT"),
        ("UPDATE idempotency_keys", "idempotency response UPDATE"),
        ("SELECT pg_advisory_xact_lock(hashtext", "INT-9 per-resident advisory lock"),
        ("SELECT resident_id, application_id", "INT-9 household conflict SELECT"),
        ("INSERT INTO household_members", "INT-9 household_members INSERT"),
        ("INSERT INTO open_claims", "INT-9 open_claims INSERT"),
    ):
        if sql.startswith(prefix):
            return label
    return "other SQL: " + sql[:60]


@contextmanager
def instrumented(phases: Phases) -> Iterator[None]:
    """Time SQL statements, COMMIT, the append insert, JWT verify and the idempotent block."""
    originals: list[tuple[Any, str, Any]] = []

    def patch(owner: Any, name: str, wrapper: Callable[[Any], Any]) -> None:
        original = getattr(owner, name)
        originals.append((owner, name, original))
        setattr(owner, name, wrapper(original))

    def timed_execute(original: Any) -> Any:
        async def execute(self: AsyncConnection, statement: Any, *args: Any, **kw: Any) -> Any:
            began = time.perf_counter()
            result = await original(self, statement, *args, **kw)
            now = time.perf_counter()
            phases[_label(statement)].append(now - began)
            state = _request.get()
            if state is not None and statement is append_sql.LOCK_AND_HEAD:
                state["locked_at"] = now
            return result

        return execute

    def timed_run_idempotent(original: Any) -> Any:
        async def run(engine: Any, **kw: Any) -> Any:
            state: dict[str, float] = {}
            token = _request.set(state)
            began = time.perf_counter()
            try:
                return await original(engine, **kw)
            finally:
                now = time.perf_counter()
                _request.reset(token)
                phases["idempotent transaction (BEGIN … COMMIT)"].append(now - began)
                if "locked_at" in state:
                    phases["global append lock held (lock → COMMIT done)"].append(
                        now - state["locked_at"]
                    )

        return run

    def timed_commit(original: Any) -> Any:
        async def commit(self: Any) -> Any:
            began = time.perf_counter()
            try:
                return await original(self)
            finally:
                phases["COMMIT (fsync)"].append(time.perf_counter() - began)

        return commit

    def timed_async(label: str) -> Callable[[Any], Any]:
        def wrap(original: Any) -> Any:
            async def call(*args: Any, **kw: Any) -> Any:
                began = time.perf_counter()
                try:
                    return await original(*args, **kw)
                finally:
                    phases[label].append(time.perf_counter() - began)

            return call

        return wrap

    def timed_sync(label: str) -> Callable[[Any], Any]:
        def wrap(original: Any) -> Any:
            def call(*args: Any, **kw: Any) -> Any:
                began = time.perf_counter()
                try:
                    return original(*args, **kw)
                finally:
                    phases[label].append(time.perf_counter() - began)

            return call

        return wrap

    import asyncpg.transaction

    import intake.adapters.registry as claims
    import intake.entrypoints.api as api
    from shared.application.repository import Repository
    from shared.eventstore.store import EventStore

    patch(AsyncConnection, "execute", timed_execute)
    patch(asyncpg.transaction.Transaction, "commit", timed_commit)
    patch(idempotency, "run_idempotent", timed_run_idempotent)
    patch(claims, "claim", timed_async("INT-9 claim() total"))
    patch(Repository, "save", timed_async("Repository.save (serialize + append) total"))
    patch(EventStore, "append", timed_async("EventStore.append total"))
    patch(TokenVerifier, "verify", timed_sync("JWT verify (RS256)"))
    patch(idempotency, "fingerprint_of", timed_sync("request fingerprint (canonical JSON)"))
    patch(api, "_created", timed_sync("response model (_created)"))
    try:
        yield
    finally:
        for owner, name, original in reversed(originals):
            setattr(owner, name, original)


async def _drive(
    client: httpx.AsyncClient, apps: Applications, count: int, concurrency: int
) -> tuple[float, list[float]]:
    work = iter(apps.take(count))
    latencies: list[float] = []

    async def worker() -> None:
        for request in work:
            began = time.perf_counter()
            response = await client.post(
                "/v1/applications", content=request.body, headers=request.headers
            )
            latencies.append(time.perf_counter() - began)
            if response.status_code != 201:
                raise RuntimeError(f"{response.status_code}: {response.text[:400]}")

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - began, latencies


def _micro(label: str, fn: Callable[[], object], n: int = MICRO) -> str:
    fn()
    began = time.perf_counter()
    for _ in range(n):
        fn()
    return f"  {label:<58}{(time.perf_counter() - began) / n * 1e6:>9.0f} µs"


def _phase_table(title: str, phases: Phases, requests: int, seconds: float) -> list[str]:
    lines = [
        f"{title}: {requests} requests in {seconds:.2f}s = {requests / seconds:,.0f} req/s",
        f"  {'phase':<52}{'n/req':>6}{'mean ms':>9}{'p50 ms':>8}{'ms/req':>8}",
    ]
    ordered = sorted(phases.items(), key=lambda kv: -sum(kv[1]))
    for label, values in ordered:
        lines.append(
            f"  {label:<52}{len(values) / requests:>6.1f}{statistics.fmean(values) * 1e3:>9.2f}"
            f"{statistics.median(values) * 1e3:>8.2f}{sum(values) / requests * 1e3:>8.2f}"
        )
    return lines


async def _build(server_url: str, bootstrap: str) -> tuple[ServiceRuntime, TokenSigner]:
    await ensure_database(server_url, "bench_intake_profile")
    await ensure_topics(bootstrap, [t for s in SERVICES for t in (events_topic(s), dlq_topic(s))])
    private, public = ensure_dev_keypair(WORK_DIR / "k.pem", WORK_DIR / "k.pub")
    config = ServiceConfig(
        service="intake",
        database_url=database_url(server_url, "bench_intake_profile"),
        kafka=KafkaConfig(bootstrap, False, "bench-intake"),
        token_public_key_pem=public,
        jwt_issuer="bench",
        jwt_audience="safetynet",
    )
    runtime = build(config)
    await runtime.migrate()
    return runtime, TokenSigner(private, "bench", "safetynet")


async def _profile(server_url: str, bootstrap: str) -> str:
    runtime, signer = await _build(server_url, bootstrap)
    token = signer.mint("bench-intake", "township_officer", TOWNSHIP, "城关区民政")
    verifier: TokenVerifier = runtime.app.state.token_verifier
    body = application(10**6)
    out = ["1. CPU-only pieces, alone (mean of 2000 calls)"]
    out.append(_micro("JWT verify (RS256, 2048-bit key)", lambda: verifier.verify(token)))
    out.append(
        _micro(
            "ApplicationCreate.model_validate_json (1 member)",
            lambda: ApplicationCreate.model_validate_json(body),
        )
    )
    out.append(
        _micro(
            "fingerprint_of (json.loads + canonical JSON + SHA-256)",
            lambda: idempotency.fingerprint_of("POST", "/v1/applications", body),
        )
    )
    apps = Applications(token)
    transport = httpx.ASGITransport(app=runtime.app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            await _drive(client, apps, 100, CONCURRENCY)  # warm-up
            for requests, concurrency in ((SEQUENTIAL, 1), (CONCURRENT, CONCURRENCY)):
                phases: Phases = defaultdict(list)
                with instrumented(phases):
                    seconds, latencies = await _drive(client, apps, requests, concurrency)
                phases["whole request at the client (ASGITransport)"] = latencies
                title = f"\n2. phases, concurrency {concurrency}"
                out += _phase_table(title, phases, requests, seconds)
            stop = asyncio.Event()
            background = asyncio.create_task(runtime.run_background(stop))
            await asyncio.sleep(1.0)  # relay and projections catch up with the phases' events
            profiler = cProfile.Profile()
            cpu_began = time.process_time()
            profiler.enable()
            seconds, _ = await _drive(client, apps, CONCURRENT, CONCURRENCY)
            profiler.disable()
            cpu = time.process_time() - cpu_began
            stop.set()
            await background
    finally:
        await runtime.close()
    out += [
        f"\n3. cProfile with relay and projections running, {CONCURRENT} requests, concurrency"
        f" {CONCURRENCY}: {seconds:.2f}s wall, {cpu / CONCURRENT * 1e3:.2f} ms CPU per request"
        " (client included; cProfile overhead included)",
        f"  {'own time by component':<52}{'ms/req':>8}{'share':>8}",
    ]
    out += _by_component(profiler, CONCURRENT)
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text).strip_dirs()
    stats.sort_stats("tottime").print_stats(TOP)
    out.append(text.getvalue())
    return "\n".join(out)


COMPONENTS = (
    ("/jwt/", "JWT (pyjwt)"),
    ("/cryptography/", "JWT (cryptography RSA)"),
    ("/httpx/", "load client (httpx)"),
    ("/httpcore/", "load client (httpx)"),
    ("/bench/", "load client (httpx)"),
    ("/fastapi/", "FastAPI (routing, dependencies, encoders)"),
    ("/starlette/", "Starlette"),
    ("/pydantic", "pydantic"),
    ("/sqlalchemy/", "SQLAlchemy"),
    ("/asyncpg/", "asyncpg"),
    ("/aiokafka/", "relay: aiokafka"),
    ("/shared/messaging/", "relay (shared.messaging)"),
    ("/shared/projections/", "projections runner"),
    ("/intake/projections/", "intake projections"),
    ("/shared/eventstore/", "event store (serialize, chain, hash)"),
    ("/shared/http/", "shared.http (auth, idempotency, middleware)"),
    ("/intake/", "intake (domain, routes, schemas)"),
    ("/shared/", "shared (other)"),
    ("/json/", "json (stdlib)"),
    ("/asyncio/", "asyncio event loop"),
    ("/selectors.py", "asyncio event loop"),
)


def _component(filename: str, name: str) -> str:
    if filename == "~":
        if "socket" in name or "epoll" in name:
            return "socket send/recv and epoll (C)"
        if "rsa" in name.lower() or "verify" in name:
            return "JWT (cryptography RSA)"
        if "greenlet" in name:
            return "SQLAlchemy"
        if "pydantic" in name or "validate" in name or "to_python" in name:
            return "pydantic"
        return "other built-ins (C)"
    for marker, label in COMPONENTS:
        if marker in filename:
            return label
    return "other Python"


def _by_component(profiler: cProfile.Profile, requests: int) -> list[str]:
    totals: dict[str, float] = defaultdict(float)
    raw: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    for (filename, _line, name), (_cc, _nc, tottime, *_rest) in raw.items():
        totals[_component(filename, name)] += tottime
    whole = sum(totals.values())
    return [
        f"  {label:<52}{t / requests * 1e3:>8.2f}{t / whole:>8.0%}"
        for label, t in sorted(totals.items(), key=lambda kv: -kv[1])
    ]


async def run_profile() -> str:
    """Start PostgreSQL (fsync on), profile intake's POST /v1/applications, return the text."""
    with _runtime() as (postgres, broker):
        text = await _profile(postgres.server_url, broker.bootstrap_servers)
    return f"intake POST /v1/applications, in process (data under {PG_DIR})\n\n{text}"
