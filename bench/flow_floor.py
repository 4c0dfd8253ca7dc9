"""The floor of a run's events flowing as production flows them (issue #19, ADR 0015's method).

With its readers live, any implementation of the monthly run must, for every event it records:
- **store** it: the event-store floor, `INSERT … SELECT` into a table indexed like `events`;
- **publish** it on both topics (ADR 0020): read back from PostgreSQL and handed to the broker
  twice by a raw aiokafka producer. PostgreSQL encodes the row as JSON, and nothing of ours is
  built (no CloudEvents headers, no public view);
- **copy** it into the audit trail: fetched from the broker by a raw aiokafka consumer, decoded
  with orjson and written with `COPY` into a table indexed like `audit_trail`.

The three run at once, each in a process of its own, on the same machine as the run. Their wall
time together is the floor the run with its readers live is compared with. The run's own
computing (payables, hashes, the bank) is left out, as in ADR 0015's event floor.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.queues import Queue
from typing import Any

import asyncpg
import orjson
from aiokafka import TopicPartition

from bench.payments_run import event_floor
from shared.messaging.kafka import KafkaConfig, make_producer, make_reader
from shared.messaging.topics import ensure_topics, topic_partitions

FETCH_ROWS = 5_000
COPY_ROWS = 5_000
TRAIL_COLUMNS = (
    "event_id", "case_id", "service", "stream_id", "stream_version", "position", "type",
    "schema_version", "occurred_at", "recorded_at", "data", "metadata", "prev_hash", "hash",
)  # fmt: skip
_ROWS = """
SELECT stream_id, row_to_json(e)::text AS row FROM events e WHERE position > $1 ORDER BY position
"""


@dataclass(frozen=True)
class FlowFloor:
    """Seconds of the three floors run at once, and of all of them together."""

    events: int
    store_s: float
    publish_s: float
    copy_s: float
    together_s: float


async def measure_flow_floor(
    events_dsn: str, after_position: int, trail_dsn: str, bootstrap: str
) -> FlowFloor:
    """Store, publish and copy the events after `after_position` at once; their seconds."""
    tag = uuid.uuid4().hex[:8]
    topics = (f"bench.floor.{tag}.internal", f"bench.floor.{tag}.events")
    await ensure_topics(bootstrap, topics)
    spawn = multiprocessing.get_context("spawn")
    results: Queue[tuple[str, int, float]] = spawn.Queue()
    source = (events_dsn, after_position)
    workers = [
        spawn.Process(target=_publish, args=(*source, bootstrap, topics, results)),
        spawn.Process(target=_copy, args=(trail_dsn, bootstrap, topics[0], results, *source)),
    ]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    events, store_s = await event_floor(events_dsn, after_position, f"event_floor_{tag}")
    seconds = dict(await asyncio.to_thread(_collect, results, len(workers), events))
    for worker in workers:
        worker.join()
    together_s = time.perf_counter() - began
    return FlowFloor(events, store_s, seconds["publish"], seconds["copy"], together_s)


def _collect(
    results: Queue[tuple[str, int, float]], n: int, events: int
) -> list[tuple[str, float]]:
    out = []
    for _ in range(n):
        name, count, seconds = results.get(timeout=4 * 3600)
        if count != events:
            raise RuntimeError(f"the {name} floor handled {count:,} events, not {events:,}")
        out.append((name, seconds))
    return out


def _publish(
    dsn: str, after: int, bootstrap: str, topics: tuple[str, str], results: Queue[Any]
) -> None:
    results.put(("publish", *asyncio.run(publish_floor(dsn, after, bootstrap, topics))))


def _copy(
    dsn: str, bootstrap: str, topic: str, results: Queue[Any], events_dsn: str, after: int
) -> None:
    results.put(("copy", *asyncio.run(copy_floor(dsn, bootstrap, topic, events_dsn, after))))


async def publish_floor(
    dsn: str, after: int, bootstrap: str, topics: tuple[str, str]
) -> tuple[int, float]:
    """Every event after `after` read back and sent to both topics; (events, seconds)."""
    producer = make_producer(KafkaConfig(bootstrap, False, "bench-floor-publish"))
    await producer.start()
    conn = await asyncpg.connect(dsn)
    sent = 0
    began = time.perf_counter()
    try:
        async with conn.transaction():
            pending = []
            async for row in conn.cursor(_ROWS, after, prefetch=FETCH_ROWS):
                key, value = row["stream_id"].encode(), row["row"].encode()
                pending += [await producer.send(t, value=value, key=key) for t in topics]
                sent += 1
                if len(pending) >= 2 * FETCH_ROWS:
                    await asyncio.gather(*pending)
                    pending = []
            await asyncio.gather(*pending)
        await producer.flush()
        return sent, time.perf_counter() - began
    finally:
        await conn.close()
        await producer.stop()


async def copy_floor(
    dsn: str, bootstrap: str, topic: str, events_dsn: str, after: int
) -> tuple[int, float]:
    """Every event of the topic decoded and copied into a table indexed like the audit trail,
    until it holds as many as the store has after `after`; (events, seconds)."""
    expected = await _count(events_dsn, after)
    conn = await asyncpg.connect(dsn)
    table = f"trail_floor_{uuid.uuid4().hex[:8]}"
    await conn.execute(f"CREATE TABLE {table} (LIKE audit_trail INCLUDING ALL)")
    reader = make_reader(KafkaConfig(bootstrap, False, "bench-floor-copy"))
    await reader.start()
    began = time.perf_counter()
    copied = 0
    try:
        partitions = await _assigned_from_start(reader, bootstrap, topic)
        while copied < expected:
            batches = await reader.getmany(*partitions, timeout_ms=500, max_records=COPY_ROWS)
            rows = [_trail_row(m.value) for batch in batches.values() for m in batch]
            if rows:
                await conn.copy_records_to_table(table, records=rows, columns=TRAIL_COLUMNS)
                copied += len(rows)
        return copied, time.perf_counter() - began
    finally:
        await reader.stop()
        await conn.close()


async def _assigned_from_start(reader: Any, bootstrap: str, topic: str) -> list[TopicPartition]:
    """Every partition of the topic assigned to the group-less reader, from its first record."""
    partitions = [
        TopicPartition(topic, p) for p in sorted(await topic_partitions(bootstrap, topic) or ())
    ]
    reader.assign(partitions)
    await reader.seek_to_beginning(*partitions)
    return partitions


async def _count(dsn: str, after: int) -> int:
    conn = await asyncpg.connect(dsn)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM events WHERE position > $1", after))
    finally:
        await conn.close()


def _trail_row(value: bytes) -> tuple[Any, ...]:
    """An audit-trail row from the stored event as PostgreSQL encoded it."""
    e = orjson.loads(value)
    metadata = e["metadata"]
    return (
        uuid.UUID(e["event_id"]), metadata.get("case_id") or e["stream_id"], "payments",
        e["stream_id"], e["stream_version"], e["position"], e["type"], e["schema_version"],
        datetime.fromisoformat(e["occurred_at"]), datetime.fromisoformat(e["recorded_at"]),
        orjson.dumps(e["data"]).decode(), orjson.dumps(metadata).decode(), e["prev_hash"],
        e["hash"],
    )  # fmt: skip
