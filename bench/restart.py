"""How long after a restart of the embedded runtime a new event reaches its reader (issue #19).

`python -m bench.restart [--history 10000000] [--peer-history 200000]` builds a store with that
much history, all of it already applied by one consumer group, the way the embedded runtime
stands before a restart:
- The history is the relay bench's events, copied server-side (`INSERT … SELECT` over
  `generate_series`) under new ids and stream names.
- The group's inbox holds every history event.
- The relay and the group really publish and apply the last `TAIL` events, through a real broker.

Then the runtime restarts. The relay and the consumer stop, the broker restarts empty (tansu keeps
nothing), and both start again. One new event is appended. The time measured runs from the
restart until the consumer has applied that event.

- **ours**: the relay follows the group (ADR 0044). It republishes only what the group had not
  consumed.
- **peer, republish everything**: the same relay following nobody, as before ADR 0044. It
  republishes the whole store before the new event. Measured on a smaller history
  (`--peer-history`) in the same run. Its time beyond the floor is scaled linearly to the large
  history, and printed as a projection, not as a measurement.
- **floor**: what any reader pays after the broker restarts, with no store, relay or inbox. The
  topic is created, a new group joins the empty broker and one record sent to it is received.
  tansu answers a join only after half the session timeout.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.runtime import Runtime, started
from bench.workload import batches
from shared.db import create_engine, migrate
from shared.eventstore.envelope import Actor, EventMetadata, NewEvent
from shared.eventstore.schema import KERNEL_MIGRATIONS
from shared.eventstore.store import EventStore
from shared.messaging.consumer import EventConsumer
from shared.messaging.kafka import KafkaConfig
from shared.messaging.readers import Reader
from shared.messaging.relay import OutboxRelay
from shared.messaging.topics import ensure_topics, events_topic, internal_topic

SEED = 2_000  # real events appended through the store, then copied
TAIL = 2_000  # the history's last events, published and applied for real before the restart
SERVICE = GROUP = "bench-restart"
TIMEOUT_S = 3_600.0


@dataclass(frozen=True)
class Restart:
    """One restart: the store's history, whom the relay followed, and the time until applied."""

    history: int
    follows_readers: bool
    republished: int
    seconds: float


async def _noop(event: object, conn: object) -> None:
    """The reader's effect is its inbox row (the consumer writes it in the same transaction)."""


async def build_history(engine: AsyncEngine, store: EventStore, history: int) -> None:
    """`history` events: SEED appended, then copied server-side; the group's inbox holds them."""
    for batch in batches("restart", SEED, 100):
        await store.append(batch.stream_id, batch.events, batch.expected_version)
    copies = max(0, history // SEED - 1)
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO events (position, event_id, stream_id, stream_version, type,"
                " schema_version, occurred_at, recorded_at, data, metadata, prev_hash, hash)"
                " SELECT e.position + k * :seed, gen_random_uuid(), e.stream_id || '~' || k,"
                " e.stream_version, e.type, e.schema_version, e.occurred_at, e.recorded_at,"
                " e.data, e.metadata, e.prev_hash, e.hash"
                " FROM events e CROSS JOIN generate_series(1, :copies) k"
                " WHERE e.position <= :seed"
            ),
            {"seed": SEED, "copies": copies},
        )
        await conn.execute(
            text(
                "INSERT INTO inbox (consumer_group, event_id)"
                " SELECT :g, event_id FROM events WHERE position <= :applied"
            ),
            {"g": GROUP, "applied": history - TAIL},
        )
        # the relay had published everything but the tail, to a broker that is gone
        await conn.execute(
            text(
                "INSERT INTO relay_checkpoints (topic, position, broker_epoch) VALUES (:t, :p, 0)"
            ),
            {"t": events_topic(SERVICE), "p": history - TAIL},
        )
    async with engine.connect() as conn:
        await conn.execute(text("ANALYZE events"))
        await conn.execute(text("ANALYZE inbox"))


class Stack:
    """The relay and the reader group of one service, started and stopped together."""

    def __init__(
        self, engine: AsyncEngine, store: EventStore, cfg: KafkaConfig, follow: bool
    ) -> None:
        self.engine, self.store, self.cfg, self.follow = engine, store, cfg, follow
        self.stop = asyncio.Event()
        self.relay: OutboxRelay | None = None
        self.tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        """A new relay and a new consumer, as a restarted process has."""
        self.stop = asyncio.Event()
        internal = internal_topic(SERVICE)
        self.relay = OutboxRelay(SERVICE, self.engine, self.store, self.cfg)
        if self.follow:
            self.relay.follow([Reader(GROUP, internal)])
        consumer = EventConsumer(SERVICE, GROUP, [internal], _noop, self.engine, self.cfg)
        self.tasks = [
            asyncio.create_task(self.relay.run(self.stop)),
            asyncio.create_task(consumer.run(self.stop)),
        ]

    async def halt(self) -> None:
        """Stop both, as the runtime's processes stop."""
        self.stop.set()
        await asyncio.gather(*self.tasks, return_exceptions=True)


async def _inbox_has(engine: AsyncEngine, event_id: uuid.UUID) -> bool:
    async with engine.connect() as conn:
        found = await conn.execute(
            text("SELECT 1 FROM inbox WHERE consumer_group = :g AND event_id = :e"),
            {"g": GROUP, "e": event_id},
        )
        return found.first() is not None


async def _consumed_through(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        value = await conn.execute(
            text("SELECT consumed_through FROM relay_checkpoints WHERE topic = :t"),
            {"t": events_topic(SERVICE)},
        )
        return int(value.scalar_one())


async def _until(condition: Callable[[], Awaitable[bool]], what: str) -> None:
    """Poll the database until `condition` holds (the bench's clock is the wall clock)."""
    deadline = time.monotonic() + TIMEOUT_S
    for _ in itertools.count():
        if await condition():
            return
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.05)


async def measure(rt: Runtime, history: int, follow: bool) -> Restart:
    """Build the history, let the tail flow, restart, time one new event to its reader."""
    name = f"restart_{history}_{'ours' if follow else 'peer'}"
    engine = create_engine(await rt.fresh_database(name))
    await migrate(engine, KERNEL_MIGRATIONS)
    store = EventStore(engine)
    cfg = KafkaConfig(rt.bootstrap, enable_idempotence=False)
    started_at = time.monotonic()
    await build_history(engine, store, history)
    print(f"  {name}: {history:,} events of history in {time.monotonic() - started_at:.0f}s")
    await ensure_topics(cfg, [internal_topic(SERVICE), events_topic(SERVICE)])
    stack = Stack(engine, store, cfg, follow)
    stack.start()
    last = await _last_event_id(engine)
    await _until(lambda: _inbox_has(engine, last), "the tail was never applied")
    if follow:
        await _until(lambda: _consumed_through_at(engine, history), "no progress recorded")
    await stack.halt()

    await asyncio.to_thread(rt.broker.restart_empty)
    restarted = time.monotonic()
    stack.start()
    new = await store.append("restart-new", [_new_event()], 0)
    await _until(lambda: _inbox_has(engine, new[0].event_id), "the new event never arrived")
    seconds = time.monotonic() - restarted
    republished = await _republished(engine)
    await stack.halt()
    await engine.dispose()
    return Restart(history, follow, republished, seconds)


async def _consumed_through_at(engine: AsyncEngine, history: int) -> bool:
    return await _consumed_through(engine) >= history


async def _last_event_id(engine: AsyncEngine) -> uuid.UUID:
    async with engine.connect() as conn:
        found = await conn.execute(
            text("SELECT event_id FROM events ORDER BY position DESC LIMIT 1")
        )
        return uuid.UUID(str(found.scalar_one()))


async def _republished(engine: AsyncEngine) -> int:
    """How many records the group read in the broker epoch after the restart."""
    async with engine.connect() as conn:
        found = await conn.execute(
            text(
                'SELECT coalesce(sum("offset"), 0) FROM consumer_partitions'
                " WHERE consumer_group = :g AND broker_epoch = 1"
            ),
            {"g": GROUP},
        )
        return int(found.scalar_one())


def _new_event() -> NewEvent:
    metadata = EventMetadata(
        actor=Actor.system(SERVICE), channel="bench", reason="重启后的新案件", case_id="restart-new"
    )
    return NewEvent(type="bench.Arrived", data={"n": 1}, metadata=metadata)


async def join_floor(rt: Runtime) -> float:
    """What any reader pays after the broker restarts: create the topic, join a new group on
    the empty broker, and receive one record sent to it (no store, no relay, no inbox)."""
    topic = f"safetynet.bench-floor-{uuid.uuid4().hex[:8]}"
    await asyncio.to_thread(rt.broker.restart_empty)
    restarted = time.monotonic()
    await ensure_topics(rt.bootstrap, [topic])
    reader = AIOKafkaConsumer(
        topic, bootstrap_servers=rt.bootstrap, group_id="floor", auto_offset_reset="earliest"
    )
    writer = AIOKafkaProducer(bootstrap_servers=rt.bootstrap)
    await reader.start()
    await writer.start()
    try:
        await writer.send_and_wait(topic, b"new", key=b"case")
        await reader.getone()
    finally:
        await writer.stop()
        await reader.stop()
    return time.monotonic() - restarted


def render(rows: Sequence[Restart], peer: Restart, ours_large: Restart, floor: float) -> str:
    """The table: each restart, and ours against the peer scaled to the large history."""
    lines = [
        f"{'relay':<34}{'history':>12}{'republished':>13}{'new event applied':>20}",
        "-" * 79,
    ]
    for row in rows:
        who = "ours (follows its readers)" if row.follows_readers else "peer (republishes all)"
        lines.append(f"{who:<34}{row.history:>12,}{row.republished:>13,}{row.seconds:>18.1f} s")
    # the peer's time beyond the floor grows with what it republishes
    projected = floor + (peer.seconds - floor) * ours_large.history / peer.history
    lines += [
        "",
        f"peer scaled to {ours_large.history:,} events (projection: the floor plus its time"
        f" beyond the floor, linear in history): {projected:,.0f} s",
        f"ours at {ours_large.history:,}: {ours_large.seconds:.1f} s"
        f" = {ours_large.seconds / projected:.4f}x the peer's projection; target <= 10 s",
        f"floor (a new group on the restarted broker receives one record): {floor:.1f} s;"
        f" ours = {ours_large.seconds / floor:.2f}x the floor",
    ]
    return "\n".join(lines)


async def main_async(history: int, peer_history: int) -> str:
    with started() as rt:
        small_ours = await measure(rt, peer_history, follow=True)
        peer = await measure(rt, peer_history, follow=False)
        large = await measure(rt, history, follow=True)
        floor = await join_floor(rt)
    return render([small_ours, peer, large], peer, large, floor)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.restart", description=__doc__)
    parser.add_argument("--history", type=int, default=10_000_000)
    parser.add_argument("--peer-history", type=int, default=200_000)
    args = parser.parse_args(argv)
    print(asyncio.run(main_async(args.history, args.peer_history)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
