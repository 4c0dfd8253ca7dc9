"""Helpers for the messaging tests: events to append, effects to count, topics to read back."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore import Actor, EventMetadata, EventStore, NewEvent, RecordedEvent
from shared.messaging.kafka import KafkaConfig
from shared.messaging.relay import OutboxRelay
from tests.support import eventually

CLERK = Actor(id="clerk-007", role="township_clerk", org="城关镇人民政府", division="620102001")


def kafka(bootstrap: str) -> KafkaConfig:
    """No idempotent producer on the embedded broker; groups that form and notice changes fast."""
    return KafkaConfig(
        bootstrap,
        enable_idempotence=False,
        client_id="test",
        session_timeout_ms=3000,
        metadata_max_age_ms=2000,
    )


@contextlib.asynccontextmanager
async def open_relay(
    service: str, engine: AsyncEngine, store: EventStore, bootstrap: str, **options: Any
) -> AsyncIterator[OutboxRelay]:
    """A relay for the block, closed after it."""
    relay = OutboxRelay(service, engine, store, kafka(bootstrap), **options)
    try:
        yield relay
    finally:
        await relay.close()


async def publish_all(relay: OutboxRelay) -> None:
    """Let the relay publish everything stored so far, batch by batch."""
    while await relay.publish_once():
        pass


def new_service() -> str:
    """A service name of its own, so each test has its own topics on the shared broker."""
    return f"t{uuid.uuid4().hex[:8]}"


def an_event(case_id: str | None, n: int) -> NewEvent:
    """A small event of a case, numbered."""
    metadata = EventMetadata(actor=CLERK, channel="counter", reason="测试", case_id=case_id)
    return NewEvent(type="test.Happened", data={"n": n, "备注": "低保"}, metadata=metadata)


async def append_streams(
    store: EventStore, streams: int, per_stream: int, case_of: Callable[[int], str | None]
) -> list[RecordedEvent]:
    """Append `per_stream` events to each of `streams` streams, interleaved, one by one."""
    recorded: list[RecordedEvent] = []
    for n in range(per_stream):
        for s in range(streams):
            recorded += await store.append(f"stream-{s}", [an_event(case_of(s), n)], None)
    return recorded


async def create_effects_table(engine: AsyncEngine) -> None:
    """A table where test handlers leave their effects, in the order they happen."""
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "CREATE TABLE effects (seq bigserial PRIMARY KEY, event_id uuid NOT NULL,"
                " stream_id text NOT NULL, stream_version integer NOT NULL)"
            )
        )


async def record_effect(event: RecordedEvent, conn: AsyncConnection) -> None:
    """The test handler's effect: one row per application, in the consumer's transaction."""
    await conn.execute(
        text("INSERT INTO effects (event_id, stream_id, stream_version) VALUES (:e, :s, :v)"),
        {"e": event.event_id, "s": event.stream_id, "v": event.stream_version},
    )


@dataclass(frozen=True)
class EffectCounts:
    """How many effects there are, of how many distinct events."""

    total: int
    distinct: int

    @property
    def duplicated(self) -> int:
        """Effects beyond the first of their event."""
        return self.total - self.distinct


async def effect_counts(engine: AsyncEngine) -> EffectCounts:
    """Count the effects and the distinct events they belong to."""
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                text("SELECT count(*) AS total, count(DISTINCT event_id) AS events FROM effects")
            )
        ).one()
    return EffectCounts(int(row.total), int(row.events))


async def effects_in_order(engine: AsyncEngine) -> list[tuple[uuid.UUID, str, int]]:
    """Every effect in the order it happened."""
    async with engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT event_id, stream_id, stream_version FROM effects ORDER BY seq")
        )
        return [(r.event_id, r.stream_id, r.stream_version) for r in rows]


async def scalar(engine: AsyncEngine, query: str, **params: Any) -> Any:
    """One value from one query."""
    async with engine.connect() as conn:
        return (await conn.execute(text(query), params)).scalar()


async def checkpoint_of(engine: AsyncEngine, topic: str) -> tuple[int, int]:
    """The relay's (position, broker epoch) for a topic, (0, 0) before it first ran."""
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                text("SELECT position, broker_epoch FROM relay_checkpoints WHERE topic = :t"),
                {"t": topic},
            )
        ).first()
    return (0, 0) if row is None else (int(row.position), int(row.broker_epoch))


async def read_topic(bootstrap: str, topic: str, at_least: int, within: float = 30) -> list[Any]:
    """Every record of a topic from the beginning, once at least `at_least` have arrived."""
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    await reader.start()
    try:
        partitions = reader.partitions_for_topic(topic) or set()
        if not partitions:
            await reader.topics()
            partitions = reader.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        reader.assign(tps)
        await reader.seek_to_beginning(*tps)
        records: list[Any] = []

        async def enough() -> bool:
            batches = await reader.getmany(timeout_ms=100)
            for messages in batches.values():
                records.extend(messages)
            return len(records) >= at_least

        await eventually(enough, timeout=within, message=f"{topic}: fewer than {at_least} records")
        # a last short drain, so that "at least" does not hide extra records
        for messages in (await reader.getmany(timeout_ms=300)).values():
            records.extend(messages)
        return records
    finally:
        await reader.stop()


@contextlib.asynccontextmanager
async def running(
    start: Callable[[asyncio.Event], Awaitable[None]],
) -> AsyncIterator[asyncio.Task[None]]:
    """Run `start(stop)` in the background for the block; stop it and surface its errors after."""
    stop = asyncio.Event()
    task = asyncio.create_task(start(stop))
    try:
        yield task
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)


def headers_of(record: Any) -> dict[str, str]:
    """A Kafka record's headers as text."""
    return {k: bytes(v).decode("utf-8") for k, v in (record.headers or ())}
