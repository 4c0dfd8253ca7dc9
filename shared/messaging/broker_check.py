"""Has the broker lost what the relay published? Compare its records with the relay's marks."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError, OffsetOutOfRangeError

from shared.messaging.cloudevents import header_value
from shared.messaging.kafka import KafkaConfig
from shared.messaging.relay_state import Mark
from shared.messaging.topics import topic_partitions

FETCH_TIMEOUT_S = 5.0


async def empty_partitions(
    reader: AIOKafkaConsumer, topic: str, marks: Sequence[Mark]
) -> list[int] | None:
    """Marked partitions whose end offset is 0 (None when the broker would not say).

    Only "empty" is conclusive: tansu reports the base offset of the last record batch + 1 as
    the end, which can be below a marked offset inside that batch.
    """
    tps = [TopicPartition(topic, m.partition) for m in marks]
    try:
        ends = await asyncio.wait_for(reader.end_offsets(tps), FETCH_TIMEOUT_S)
    except (KafkaError, TimeoutError):
        return None
    return [tp.partition for tp in tps if ends.get(tp, 0) == 0]


async def find_loss(
    broker: str | KafkaConfig, reader: AIOKafkaConsumer, topic: str, marks: Sequence[Mark]
) -> str | None:
    """Why the broker no longer holds a marked record (None when every mark is still there)."""
    if not marks:
        return None
    partitions = await topic_partitions(broker, topic)
    if partitions is None:
        return f"topic {topic} is gone"
    gone = [m.partition for m in marks if m.partition not in partitions]
    if gone:
        return f"{topic} has lost partitions {gone}"
    empty = await empty_partitions(reader, topic, marks)
    if empty:
        return f"{topic} partitions {empty} are empty"
    found = await fetch_event_ids(reader, topic, marks)
    for mark in marks:
        seen = found.get(mark.partition)
        if seen is None:
            return f"{topic}[{mark.partition}] has no record at offset {mark.offset}"
        if seen != mark.event_id:
            return f"{topic}[{mark.partition}]@{mark.offset} holds {seen}, not {mark.event_id}"
    return None


async def fetch_event_ids(
    reader: AIOKafkaConsumer, topic: str, marks: Sequence[Mark]
) -> dict[int, uuid.UUID | None]:
    """The `ce_id` of the record at each mark's exact offset (None when there is none)."""
    wanted = {TopicPartition(topic, m.partition): m.offset for m in marks}
    reader.assign(list(wanted))
    try:
        return await _fetch_ids(reader, wanted)
    finally:
        reader.unsubscribe()  # no background fetching between checks


async def _fetch_ids(
    reader: AIOKafkaConsumer, wanted: dict[TopicPartition, int]
) -> dict[int, uuid.UUID | None]:
    for tp, offset in wanted.items():
        reader.seek(tp, offset)
    found: dict[int, uuid.UUID | None] = {}
    loop = asyncio.get_running_loop()
    deadline = loop.time() + FETCH_TIMEOUT_S
    while len(found) < len(wanted) and loop.time() < deadline:
        pending = [tp for tp in wanted if tp.partition not in found]
        try:
            batches = await reader.getmany(*pending, timeout_ms=200)
        except OffsetOutOfRangeError as error:
            found.update({tp.partition: None for tp in _out_of_range(error, pending)})
            continue
        for tp, messages in batches.items():
            if messages and tp.partition not in found:
                first = messages[0]
                found[tp.partition] = _event_id(first) if first.offset == wanted[tp] else None
    return found


def _out_of_range(
    error: OffsetOutOfRangeError, pending: list[TopicPartition]
) -> list[TopicPartition]:
    named = error.args[0] if error.args and isinstance(error.args[0], dict) else {}
    return [tp for tp in pending if tp in named] or pending


def _event_id(message: object) -> uuid.UUID | None:
    raw = header_value(list(getattr(message, "headers", None) or ()), "ce_id")
    try:
        return uuid.UUID(raw) if raw else None
    except ValueError:
        return None
