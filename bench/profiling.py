"""`python -m bench --profile`: one round of each of our three paths under cProfile."""

from __future__ import annotations

import cProfile
import io
import pstats
from collections.abc import Awaitable

from bench import projection, relay
from bench.append import append_all
from bench.runtime import Runtime
from bench.workload import batches
from shared.db import create_engine, migrate
from shared.eventstore.schema import KERNEL_MIGRATIONS
from shared.eventstore.store import EventStore
from shared.messaging.kafka import KafkaConfig
from shared.projections.runner import ProjectionRunner

TOP = 45


async def profile_all(rt: Runtime) -> str:
    """Profile append (batch 50), relay drain and projection catch-up over the same 20000 events."""
    engine = create_engine(await rt.fresh_database("bench_profile"))
    try:
        await migrate(engine, KERNEL_MIGRATIONS)
        async with engine.begin() as conn:
            await conn.execute(projection.CREATE_TABLE)
        store = EventStore(engine)
        work = batches("profile", relay.EVENTS, 50)
        cfg = KafkaConfig(rt.bootstrap, enable_idempotence=False, client_id="bench-profile")
        runner = ProjectionRunner(engine, store, [projection.StreamHeads()])
        parts = [
            ("EventStore.append, batch 50", await profiled(append_all(store, work))),
            ("OutboxRelay.publish_once drain", await profiled(relay.time_relay(cfg, store))),
            ("ProjectionRunner.catch_up", await profiled(projection.time_catch_up(engine, runner))),
        ]
    finally:
        await engine.dispose()
    return "\n".join(f"=== {title} ===\n{text}" for title, text in parts)


async def profiled(work: Awaitable[object]) -> str:
    """Run `work` under cProfile; the top functions by own time and by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        await work
    finally:
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(TOP)
    stats.sort_stats("cumulative").print_stats(TOP)
    return out.getvalue()
