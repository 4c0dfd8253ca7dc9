"""Sending a relay batch so that no partition ever has more than one record batch in flight.

aiokafka already keeps one request in flight per broker and puts a retried batch back at the head
of its partition's queue, but a batch that fails for good (expired, non-retriable error) releases
the batches queued behind it, which may then land before the failed one is re-sent. Sending a
partition's records as explicit record batches, the next only after the previous is acknowledged,
rules that out with or without an idempotent producer.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from aiokafka import AIOKafkaProducer
from aiokafka.partitioner import DefaultPartitioner

from shared.messaging.cloudevents import KafkaRecord

_partitioner = DefaultPartitioner()


class Outgoing(NamedTuple):
    """A record to send and the id of the event it carries (a tuple: two per event are made)."""

    record: KafkaRecord
    event_id: uuid.UUID


@dataclass(frozen=True)
class Acked:
    """What a partition acknowledged of a relay batch: the first offset, the last offset and the
    last event (a batch landing at or below a partition's mark tells of a broker's loss)."""

    partition: int
    base_offset: int
    last_offset: int
    last_event_id: uuid.UUID


@dataclass
class _Batch:
    builder: object
    event_ids: list[uuid.UUID]


async def send_in_waves(
    producer: AIOKafkaProducer, topic: str, outgoing: Sequence[Outgoing]
) -> dict[int, Acked]:
    """Send records in order per key; return, per partition, what it acknowledged: the first
    offset of its first record batch, and the last offset and event of its last one."""
    partitions = sorted(await producer.partitions_for(topic))
    queues = _batches_by_partition(producer, partitions, outgoing)
    acked: dict[int, Acked] = {}
    wave = 0
    while True:
        current = {p: q[wave] for p, q in queues.items() if wave < len(q)}
        if not current:
            return acked
        for partition, last in (await _send_wave(producer, topic, current)).items():
            first = acked.get(partition, last)
            acked[partition] = replace(last, base_offset=first.base_offset)
        wave += 1


@lru_cache(maxsize=65_536)
def partition_of(key: bytes, partitions: tuple[int, ...]) -> int:
    """The partition a key maps to (murmur2, as every Kafka client does), hashed once per case
    key: a case's events, and the two records of one event (ADR 0020), reuse it."""
    return int(_partitioner(key, list(partitions), list(partitions)))


def _batches_by_partition(
    producer: AIOKafkaProducer, partitions: Sequence[int], outgoing: Sequence[Outgoing]
) -> dict[int, list[_Batch]]:
    queues: dict[int, list[_Batch]] = {}
    known = tuple(partitions)
    for item in outgoing:
        queue = queues.setdefault(partition_of(item.record.key, known), [])
        if not queue or not _append(queue[-1], item):
            queue.append(_Batch(producer.create_batch(), []))
            if not _append(queue[-1], item):
                raise ValueError(f"event {item.event_id} does not fit in a record batch")
    return queues


def _append(batch: _Batch, item: Outgoing) -> bool:
    r = item.record
    added = batch.builder.append(  # type: ignore[attr-defined]
        timestamp=None, key=r.key, value=r.value, headers=r.headers
    )
    if added is None:
        return False
    batch.event_ids.append(item.event_id)
    return True


async def _send_wave(
    producer: AIOKafkaProducer, topic: str, current: dict[int, _Batch]
) -> dict[int, Acked]:
    futures = [await producer.send_batch(b.builder, topic, partition=p) for p, b in current.items()]
    results = await asyncio.gather(*futures)
    acked: dict[int, Acked] = {}
    for (partition, batch), metadata in zip(current.items(), results, strict=True):
        base = int(metadata.offset)
        last = base + len(batch.event_ids) - 1
        acked[partition] = Acked(partition, base, last, batch.event_ids[-1])
    return acked
