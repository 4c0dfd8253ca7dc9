"""Relay throughput: `OutboxRelay.publish_once` until drained vs a raw aiokafka producer."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass

from bench.runtime import Runtime
from bench.timing import Rate, Stopwatch, measure_side_by_side
from bench.workload import batches
from shared.db import create_engine, migrate
from shared.eventstore.envelope import RecordedEvent
from shared.eventstore.schema import KERNEL_MIGRATIONS
from shared.eventstore.store import EventStore
from shared.messaging.cloudevents import KafkaRecord, encode
from shared.messaging.kafka import KafkaConfig, make_producer
from shared.messaging.public import public_record
from shared.messaging.relay import OutboxRelay
from shared.messaging.topics import ensure_topics, events_topic

EVENTS = 20_000
RELAY_BATCH = 2000
PSEUDONYM_KEY = b"bench-pseudonym-key-of-32-bytes!"
FILL_BATCH = 50
RELAY_ROUNDS = 5  # a round of the three takes about 2 s; the median of 5 steadies the ratio
_ROUNDS = itertools.count()


def relay_service() -> str:
    """A new service name (so a new topic and checkpoint) of fixed length, for equal headers."""
    return f"bench-relay-{next(_ROUNDS) % 100:02d}"


@dataclass(frozen=True)
class RelayResults:
    """Relay and raw producer rates."""

    relay: Rate
    raw: Rate
    both: Rate  # the floor of ADR 0020: the same producer sends each event's two records


async def run(rt: Runtime) -> RelayResults:
    """Fill one fresh store with the events, then time both publishers over them."""
    engine = create_engine(await rt.fresh_database("bench_relay"))
    try:
        await migrate(engine, KERNEL_MIGRATIONS)
        store = EventStore(engine)
        await fill(store, EVENTS)
        cfg = KafkaConfig(rt.bootstrap, enable_idempotence=False, client_id="bench")
        records = [encode(e, relay_service(), 0) for e in await read_everything(store)]
        views = [public_record(record, PSEUDONYM_KEY) for record in records]
        relay, raw, both = await measure_side_by_side(
            EVENTS,
            [
                ("OutboxRelay.publish_once", lambda _, __: time_relay(cfg, store)),
                ("aiokafka send+flush", lambda label, _: time_raw(cfg, records, label)),
                (
                    "aiokafka send+flush, both records",
                    lambda label, _: time_both(cfg, records, views, label),
                ),
            ],
            repeats=RELAY_ROUNDS,
        )
        return RelayResults(relay, raw, both)
    finally:
        await engine.dispose()


async def fill(store: EventStore, count: int) -> None:
    """Append `count` events in batches of `FILL_BATCH` (not timed)."""
    for batch in batches("relay", count, FILL_BATCH):
        await store.append(batch.stream_id, batch.events, batch.expected_version)


async def read_everything(store: EventStore) -> list[RecordedEvent]:
    """Every event of the store, in position order."""
    out: list[RecordedEvent] = []
    while chunk := await store.read_all(out[-1].position if out else 0, 5_000):
        out.extend(chunk)
    return out


async def time_relay(cfg: KafkaConfig, store: EventStore) -> float:
    """A relay for a new service (its own topic and checkpoint) drains the whole store."""
    service = relay_service()
    await ensure_topics(cfg.bootstrap_servers, [events_topic(service)])
    relay = OutboxRelay(service, store.engine, store, cfg, batch_size=RELAY_BATCH)
    try:
        await relay.connect()  # its clients start outside the timed loop, as the peers' do
        sent = 0
        with Stopwatch() as watch:
            while published := await relay.publish_once():
                sent += published
    finally:
        await relay.close()
    if sent != EVENTS:
        raise RuntimeError(f"the relay published {sent} events, expected {EVENTS}")
    return watch.seconds


async def time_both(
    cfg: KafkaConfig, records: list[KafkaRecord], views: list[KafkaRecord], label: str
) -> float:
    """What any relay of ADR 0020 sends: each event as stored and its public view, to two topics
    at once (the views built beforehand: the floor has no work of ours in it)."""
    topics = (f"bench.raw.{label}.internal", f"bench.raw.{label}.events")
    await ensure_topics(cfg.bootstrap_servers, list(topics))
    producer = make_producer(cfg)
    await producer.start()
    try:
        with Stopwatch() as watch:
            futures = [
                await producer.send(topic, value=r.value, key=r.key, headers=r.headers)
                for pair in zip(records, views, strict=True)
                for topic, r in zip(topics, pair, strict=True)
            ]
            await asyncio.gather(*futures)
            await producer.flush()
    finally:
        await producer.stop()
    return watch.seconds


async def time_raw(cfg: KafkaConfig, records: list[KafkaRecord], label: str) -> float:
    """The same records, keys and headers with the same producer settings: send, gather, flush."""
    topic = f"bench.raw.{label}"
    await ensure_topics(cfg.bootstrap_servers, [topic])
    producer = make_producer(cfg)
    await producer.start()
    try:
        with Stopwatch() as watch:
            futures = [
                await producer.send(topic, value=r.value, key=r.key, headers=r.headers)
                for r in records
            ]
            await asyncio.gather(*futures)
            await producer.flush()
    finally:
        await producer.stop()
    return watch.seconds
