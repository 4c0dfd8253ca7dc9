"""A relay batch sent in waves: what each partition reports back (ADR 0050)."""

from __future__ import annotations

import uuid

import pytest
from aiokafka import AIOKafkaProducer

from shared.messaging.cloudevents import KafkaRecord
from shared.messaging.topics import ensure_topics
from shared.messaging.waves import Outgoing, partition_of, send_in_waves
from tests.shared.integration.messaging_support import new_service, read_topic

RECORDS = 12


@pytest.mark.req("GEN-3")
async def test_a_partition_sent_in_several_waves_reports_its_first_and_last_offsets(
    kafka_bootstrap: str,
) -> None:
    # given a producer whose record batches hold only a few records, and 12 records of one key
    topic = f"{new_service()}.waves"
    await ensure_topics(kafka_bootstrap, [topic])
    producer = AIOKafkaProducer(
        bootstrap_servers=kafka_bootstrap, acks="all", max_batch_size=1024, linger_ms=0
    )
    await producer.start()
    outgoing = [
        Outgoing(KafkaRecord(b"case-w", f"{n:0200d}".encode(), []), uuid.uuid4())
        for n in range(RECORDS)
    ]
    try:
        # when they are sent twice over, in waves
        first = await send_in_waves(producer, topic, outgoing)
        second = await send_in_waves(producer, topic, outgoing)
        partitions = tuple(sorted(await producer.partitions_for(topic)))
    finally:
        await producer.stop()

    # then the key's partition took several waves and reports, for each sending, the first offset
    # of its first record batch and the last offset and event of its last one
    partition = partition_of(b"case-w", partitions)
    assert set(first) == set(second) == {partition}
    assert (first[partition].base_offset, first[partition].last_offset) == (0, RECORDS - 1)
    assert (second[partition].base_offset, second[partition].last_offset) == (
        RECORDS,
        2 * RECORDS - 1,
    )
    assert second[partition].last_event_id == outgoing[-1].event_id
    records = await read_topic(kafka_bootstrap, topic, at_least=2 * RECORDS)
    assert len({r.offset for r in records}) == 2 * RECORDS
