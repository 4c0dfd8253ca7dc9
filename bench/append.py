"""Append rate: our EventStore vs the eventsourcing library vs raw asyncpg (executemany, COPY)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import asyncpg
from eventsourcing.persistence import InfrastructureFactory, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.utils import Environment
from sqlalchemy.engine import make_url

from bench.runtime import Runtime, plain_dsn
from bench.timing import Rate, Stopwatch, measure
from bench.workload import (
    EVENT_COLUMNS,
    Batch,
    batches,
    event_rows,
    stored_state,
    stream_uuid,
)
from shared.db import create_engine, migrate
from shared.eventstore.schema import KERNEL_MIGRATIONS
from shared.eventstore.store import EventStore

SIZES = {1: 2_000, 50: 20_000}
WARM_UP_FRACTION = 10
INSERT = (
    f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES"
    f" ({', '.join(f'${i}' for i in range(1, len(EVENT_COLUMNS) + 1))})"
)

Rows = list[list[tuple[Any, ...]]]


@dataclass(frozen=True)
class AppendResults:
    """Append rates per peer and batch size."""

    ours: dict[int, Rate]
    eventsourcing: dict[int, Rate]
    executemany: dict[int, Rate]
    copy: Rate


def workload(label: str, batch_size: int, warm: bool) -> list[Batch]:
    """The events of one round (a tenth of them for the warm-up)."""
    count = SIZES[batch_size] // (WARM_UP_FRACTION if warm else 1)
    return batches(label, count, batch_size)


async def run(rt: Runtime) -> AppendResults:
    """Every append peer, each in its own fresh database on the same server."""
    ours = {b: await bench_ours(rt, b) for b in SIZES}
    library = {b: await bench_eventsourcing(rt, b) for b in SIZES}
    many = {b: await bench_raw(rt, b, copy=False) for b in SIZES}
    return AppendResults(ours, library, many, await bench_raw(rt, 50, copy=True))


async def bench_ours(rt: Runtime, batch_size: int) -> Rate:
    """`EventStore.append`, one writer, sequential awaits, expected versions checked."""
    engine = create_engine(await rt.fresh_database(f"bench_append_ours_b{batch_size}"))
    await migrate(engine, KERNEL_MIGRATIONS)
    store = EventStore(engine)

    async def trial(label: str, warm: bool) -> float:
        work = workload(label, batch_size, warm)
        with Stopwatch() as watch:
            await append_all(store, work)
        return watch.seconds

    try:
        return await measure(f"EventStore.append b{batch_size}", SIZES[batch_size], trial)
    finally:
        await engine.dispose()


async def append_all(store: EventStore, work: Sequence[Batch]) -> None:
    """Append every batch in order, one at a time."""
    for batch in work:
        await store.append(batch.stream_id, batch.events, batch.expected_version)


async def bench_eventsourcing(rt: Runtime, batch_size: int) -> Rate:
    """`PostgresApplicationRecorder.insert_events` of the eventsourcing library, in a thread."""
    url = await rt.fresh_database(f"bench_append_es_b{batch_size}")
    factory, recorder = await asyncio.to_thread(library_recorder, url)

    async def trial(label: str, warm: bool) -> float:
        work = [stored_events(b) for b in workload(label, batch_size, warm)]
        return await asyncio.to_thread(insert_all, recorder, work)

    try:
        return await measure(f"eventsourcing insert_events b{batch_size}", SIZES[batch_size], trial)
    finally:
        factory.close()


def library_recorder(url: str) -> tuple[InfrastructureFactory[Any], PostgresApplicationRecorder]:
    """The library's PostgreSQL infrastructure, configured through its environment mechanism."""
    parsed = make_url(url)
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": str(parsed.database),
        "POSTGRES_HOST": str(parsed.host),
        "POSTGRES_PORT": str(parsed.port),
        "POSTGRES_USER": str(parsed.username),
        "POSTGRES_PASSWORD": parsed.password or "",
    }
    factory: InfrastructureFactory[Any] = InfrastructureFactory.construct(Environment(env=env))
    recorder = factory.application_recorder()
    if not isinstance(recorder, PostgresApplicationRecorder):
        raise RuntimeError(f"expected the PostgreSQL recorder, got {type(recorder).__name__}")
    return factory, recorder


def stored_events(batch: Batch) -> list[StoredEvent]:
    """A batch as the library's stored events: same stream, versions and JSON content."""
    return [
        StoredEvent(
            originator_id=stream_uuid(batch.stream_id),
            originator_version=batch.expected_version + offset,
            topic=event.type,
            state=stored_state(event),
        )
        for offset, event in enumerate(batch.events, start=1)
    ]


def insert_all(recorder: PostgresApplicationRecorder, work: list[list[StoredEvent]]) -> float:
    """Insert every batch in order; return the elapsed seconds."""
    with Stopwatch() as watch:
        for stored in work:
            recorder.insert_events(stored)
    return watch.seconds


async def bench_raw(rt: Runtime, batch_size: int, *, copy: bool) -> Rate:
    """Raw asyncpg into the same `events` table: `executemany` or `copy_records_to_table`."""
    kind = "copy" if copy else "many"
    url = await rt.fresh_database(f"bench_append_{kind}_b{batch_size}")
    engine = create_engine(url)
    await migrate(engine, KERNEL_MIGRATIONS)
    await engine.dispose()
    conn = await asyncpg.connect(plain_dsn(url))
    written = 0

    async def trial(label: str, warm: bool) -> float:
        nonlocal written
        rows = event_rows(workload(label, batch_size, warm), written)
        written += sum(len(r) for r in rows)
        with Stopwatch() as watch:
            await (copy_all(conn, rows) if copy else insert_many(conn, rows))
        return watch.seconds

    try:
        peer = "asyncpg COPY" if copy else "asyncpg executemany"
        return await measure(f"{peer} b{batch_size}", SIZES[batch_size], trial)
    finally:
        await conn.close()


async def insert_many(conn: asyncpg.Connection, rows: Rows) -> None:
    """One `executemany` (one implicit transaction) per batch."""
    for batch in rows:
        await conn.executemany(INSERT, batch)


async def copy_all(conn: asyncpg.Connection, rows: Rows) -> None:
    """One binary COPY (one transaction) per batch."""
    for batch in rows:
        await conn.copy_records_to_table("events", records=batch, columns=list(EVENT_COLUMNS))
