"""Reading the session broker's topics as a consumer outside the platform would."""

from __future__ import annotations

from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from tests.support import eventually


async def topics_on(bootstrap: str) -> set[str]:
    """Every topic the broker has now."""
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await reader.start()
    try:
        return set(await reader.topics())
    finally:
        await reader.stop()


async def read_records(bootstrap: str, topic: str) -> list[Any]:
    """Every record of a topic up to its current end (aiokafka ConsumerRecords)."""
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    await reader.start()
    try:
        partitions = reader.partitions_for_topic(topic) or set()
        if not partitions:
            await reader.topics()
            partitions = reader.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        if not tps:
            return []
        reader.assign(tps)
        await reader.seek_to_beginning(*tps)
        ends = await reader.end_offsets(tps)
        records: list[Any] = []

        async def at_end() -> bool:
            for messages in (await reader.getmany(timeout_ms=200)).values():
                records.extend(messages)
            positions = [await reader.position(tp) for tp in tps]
            return all(p >= ends[tp] for p, tp in zip(positions, tps, strict=True))

        await eventually(at_end, timeout=60, message=f"{topic}: not read to its end")
        return records
    finally:
        await reader.stop()


async def read_all(bootstrap: str, topic: str) -> list[bytes]:
    """Every record of a topic up to its current end, as key, headers and value in one text."""
    return [record_text(record) for record in await read_records(bootstrap, topic)]


def record_text(message: object) -> bytes:
    """A record's key, headers (but the W3C trace context: hex ids only) and value, as bytes."""
    key = getattr(message, "key", None) or b""
    headers = b"".join(
        name.encode() + b"=" + bytes(value) + b"\n"
        for name, value in getattr(message, "headers", None) or ()
        if name != "traceparent"
    )
    return key + b"\n" + headers + (getattr(message, "value", None) or b"")
