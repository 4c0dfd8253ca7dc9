"""Consumer apply rate: an `EventConsumer` group applying a published topic from its beginning.

The work is the projection bench's (`bench/projection.py`): the same 20,000 events, the same
upsert of a stream's head, so the consumer is compared with `ProjectionRunner.catch_up` doing
the same work from the event store. The consumer's round starts once the group has its
partitions (a group's join is the broker's business, not the consumer's) and ends when the
inbox holds every event.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bench.projection import CREATE_TABLE, EVENTS, TABLE, StreamHeads, time_catch_up
from bench.relay import fill
from bench.runtime import Runtime
from bench.timing import Rate, Stopwatch, measure_side_by_side
from shared.db import create_engine, migrate
from shared.eventstore.envelope import RecordedEvent
from shared.eventstore.schema import KERNEL_MIGRATIONS
from shared.eventstore.store import EventStore
from shared.messaging.consumer import EventConsumer, Handler
from shared.messaging.delivery import SetBasedHandler
from shared.messaging.kafka import KafkaConfig
from shared.messaging.relay import OutboxRelay
from shared.messaging.topics import ensure_topics, internal_topic
from shared.projections.runner import ProjectionRunner

SERVICE = "bench-consumer"
POLL_S = 0.001
ROUND_TIMEOUT_S = 600.0
_GROUPS = itertools.count()
_HEADS = StreamHeads()


@dataclass(frozen=True)
class ConsumerResults:
    """The consumer's rate with a handler of one event and with a set-based handler, and their
    peer: the projection runner's catch-up doing the same work from the store."""

    catch_up: Rate
    per_event: Rate
    set_based: Rate


class Applying:
    """The bench's handlers: the projection's upsert, counting what they were given.

    The count (taken before the commit) tells when only the last transactions can be left, so
    the round's end is then watched in the database without polling it all along.
    """

    def __init__(self) -> None:
        self.given = 0
        self.all_given = asyncio.Event()

    async def one(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """The handler of one event."""
        await _HEADS.handle(event, conn)
        self._count(1)

    async def many(self, batch: Sequence[RecordedEvent], conn: AsyncConnection) -> None:
        """The set-based form: the projection's one pipelined statement for the batch."""
        await _HEADS.handle_batch(list(batch), conn)
        self._count(len(batch))

    def _count(self, events: int) -> None:
        self.given += events
        if self.given >= EVENTS:
            self.all_given.set()


async def run(rt: Runtime) -> ConsumerResults:
    """Fill a store, publish it once (not timed), then time consumer groups reading it all and
    the projection runner catching up from the store, round by round in turn."""
    engine = create_engine(await rt.fresh_database("bench_consumer"))
    try:
        await migrate(engine, KERNEL_MIGRATIONS)
        async with engine.begin() as conn:
            await conn.execute(CREATE_TABLE)
        store = EventStore(engine)
        await fill(store, EVENTS)
        cfg = KafkaConfig(
            rt.bootstrap, enable_idempotence=False, client_id="bench", session_timeout_ms=3000
        )
        await publish(cfg, engine, store)
        runner = ProjectionRunner(engine, store, [StreamHeads()])
        catch_up, per_event, set_based = await measure_side_by_side(
            EVENTS,
            [
                ("ProjectionRunner.catch_up", lambda _, __: time_catch_up(engine, runner)),
                (
                    "EventConsumer, one-event handler",
                    lambda _, __: time_consumer(engine, cfg, Applying(), set_based=False),
                ),
                (
                    "EventConsumer, set-based handler",
                    lambda _, __: time_consumer(engine, cfg, Applying(), set_based=True),
                ),
            ],
        )
        return ConsumerResults(catch_up, per_event, set_based)
    finally:
        await engine.dispose()


async def publish(cfg: KafkaConfig, engine: AsyncEngine, store: EventStore) -> None:
    """The relay publishes the whole store to the service's topics."""
    await ensure_topics(cfg.bootstrap_servers, [internal_topic(SERVICE)])
    relay = OutboxRelay(SERVICE, engine, store, cfg, batch_size=2000)
    try:
        sent = 0
        while published := await relay.publish_once():
            sent += published
    finally:
        await relay.close()
    if sent != EVENTS:
        raise RuntimeError(f"the relay published {sent} events, expected {EVENTS}")


async def time_consumer(
    engine: AsyncEngine, cfg: KafkaConfig, applying: Applying, set_based: bool
) -> float:
    """A new group reads the topic from its start: seconds from its assignment to the last event."""
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {TABLE}, inbox, consumer_partitions"))
    group = f"bench-consumer-{next(_GROUPS)}"
    handler: Handler = SetBasedHandler(applying.one, applying.many) if set_based else applying.one
    consumer = EventConsumer(SERVICE, group, [internal_topic(SERVICE)], handler, engine, cfg)
    stop = asyncio.Event()
    task = asyncio.create_task(consumer.run(stop))
    try:
        async with asyncio.timeout(ROUND_TIMEOUT_S):
            await until(lambda: _assigned(consumer))
            with Stopwatch() as watch:
                await applying.all_given.wait()
                await until(lambda: _applied_all(engine, group))
    finally:
        stop.set()
        with contextlib.suppress(Exception):
            await task
    return watch.seconds


async def until(holds: Callable[[], Awaitable[bool]]) -> None:
    """Return once `holds()` is true, asking every `POLL_S`."""
    while True:
        if await holds():
            return
        await asyncio.sleep(POLL_S)


async def _assigned(consumer: EventConsumer) -> bool:
    return bool(consumer.assignment())


async def _applied_all(engine: AsyncEngine, group: str) -> bool:
    """Whether the group has applied every event (committed inbox entries)."""
    async with engine.connect() as conn:
        count = await conn.scalar(
            text("SELECT count(*) FROM inbox WHERE consumer_group = :g"), {"g": group}
        )
    return count == EVENTS
