"""The event consumer against real PostgreSQL and the real broker: effects once, poison parked."""

from __future__ import annotations

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore import EventStore, RecordedEvent
from shared.messaging.cloudevents import encode
from shared.messaging.consumer import (
    EventConsumer,
    list_dead_letters,
    retry_dead_letter,
)
from shared.messaging.kafka import make_consumer, stop_group_consumer
from shared.messaging.topics import dlq_topic, ensure_topics, internal_topic
from tests.shared.integration.messaging_support import (
    an_event,
    append_streams,
    create_effects_table,
    effect_counts,
    effects_in_order,
    headers_of,
    kafka,
    new_service,
    open_relay,
    publish_all,
    read_topic,
    record_effect,
    running,
    scalar,
)
from tests.support import eventually

GROUP = "reactions"


def consumer_for(
    service: str, engine: AsyncEngine, bootstrap: str, handler=record_effect, **options: object
) -> EventConsumer:
    """A consumer of the service's own events topic in GROUP."""
    return EventConsumer(
        service,
        GROUP,
        [internal_topic(service)],
        handler,
        engine,
        kafka(bootstrap),
        **options,  # type: ignore[arg-type]
    )


async def consumed_offsets(engine: AsyncEngine) -> int:
    """How far GROUP got, summed over the partitions it has checkpointed."""
    total = await scalar(
        engine,
        'SELECT coalesce(sum("offset"), 0) FROM consumer_partitions WHERE consumer_group = :g',
        g=GROUP,
    )
    return int(total)


async def effects_of(engine: AsyncEngine, stream_id: str) -> list[int]:
    """The stream versions whose effects happened, in the order they happened."""
    return [v for _, s, v in await effects_in_order(engine) if s == stream_id]


@pytest.mark.req("GEN-3")
async def test_a_redelivered_message_changes_nothing(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given 40 published events that a consumer group has applied and committed
    service = new_service()
    await create_effects_table(engine)
    stored = await append_streams(event_store, streams=8, per_stream=5, case_of=lambda s: None)
    async with open_relay(service, engine, event_store, kafka_bootstrap) as relay:
        await publish_all(relay)
    async with running(consumer_for(service, engine, kafka_bootstrap).run):
        await eventually(lambda: _applied(engine, len(stored)), message="first pass incomplete")

    # when the group's committed offsets are rewound to 0 and a new member reads it all again
    await _rewind_group(kafka_bootstrap, internal_topic(service))
    async with engine.begin() as conn:  # forget how far we got, to see the second pass finish
        await conn.execute(text("DELETE FROM consumer_partitions"))
    async with running(consumer_for(service, engine, kafka_bootstrap).run):
        await eventually(
            lambda: _at_least(consumed_offsets(engine), len(stored)),
            message="the second member never re-read the topic",
        )

    # then every effect still happened exactly once
    counts = await effect_counts(engine)
    assert counts.total == counts.distinct == len(stored)


@pytest.mark.req("GEN-3")
async def test_a_poison_message_is_dead_lettered_and_parks_its_case_until_retried(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given case A's second event makes the handler fail, while case B's events are fine
    service = new_service()
    await create_effects_table(engine)
    a, _ = await _two_cases(event_store, per_case=4)
    poison = a[1].event_id

    async def flaky(event: RecordedEvent, conn: AsyncConnection) -> None:
        if event.event_id == poison:
            raise RuntimeError("收入核对失败 income check failed")
        await record_effect(event, conn)

    consumer = consumer_for(
        service, engine, kafka_bootstrap, flaky, max_attempts=3, backoff_base_s=0.01
    )

    # when the consumer runs (and one more event of case A arrives meanwhile)
    async with (
        open_relay(service, engine, event_store, kafka_bootstrap) as relay,
        running(consumer.run),
    ):
        await publish_all(relay)
        await eventually(lambda: _letters(engine, "parked", 2), message="case A not parked")
        a += await event_store.append("stream-A", [an_event("case-A", 4)], None)
        await publish_all(relay)
        await eventually(lambda: _letters(engine, "parked", 3), message="late event not parked")
        await eventually(lambda: _effects_of_equal(engine, "stream-B", [1, 2, 3, 4]))

        # then case B flowed, case A stopped at its poison message
        assert await effects_of(engine, "stream-A") == [1]
        [dead] = await list_dead_letters(engine, GROUP, "dead")
        assert dead.event_id == poison
        assert dead.attempts == 3
        assert dead.reason == "RuntimeError: 收入核对失败 income check failed"
        parked = await list_dead_letters(engine, GROUP, "parked")
        assert [p.event_id for p in parked] == [e.event_id for e in a[2:]]
        assert {p.reason for p in parked} == {f"parked behind dead letter #{dead.id}"}

        # and the poison message is on the dead-letter topic with its reason
        [record] = await read_topic(kafka_bootstrap, dlq_topic(service), at_least=1)
        headers = headers_of(record)
        assert headers["ce_id"] == str(poison)
        assert headers["dlq_reason"] == dead.reason
        assert headers["dlq_group"] == GROUP
        assert headers["dlq_topic"] == internal_topic(service)
        assert (int(headers["dlq_partition"]), int(headers["dlq_offset"])) == (
            dead.partition,
            dead.offset,
        )
        assert headers["dlq_attempts"] == "3"

        # when an operator retries it with the handler fixed
        outcome = await retry_dead_letter(engine, dead.id, record_effect, GROUP)

        # then it and the parked events are applied in order, and the case flows again
        assert outcome.ok
        assert outcome.resolved == [dead.id, *(p.id for p in parked)]
        assert await effects_of(engine, "stream-A") == [1, 2, 3, 4, 5]
        a += await event_store.append("stream-A", [an_event("case-A", 5)], None)
        await publish_all(relay)
        await eventually(lambda: _effects_of_equal(engine, "stream-A", [1, 2, 3, 4, 5, 6]))
    assert await list_dead_letters(engine, GROUP, "dead") == []
    assert await list_dead_letters(engine, GROUP, "parked") == []


@pytest.mark.req("GEN-3")
async def test_a_failed_retry_keeps_the_letter_dead_and_stops_at_the_first_failure(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given case A's second event is dead and its third and fourth are parked behind it
    service = new_service()
    await create_effects_table(engine)
    a, _ = await _two_cases(event_store, per_case=4)
    broken = {a[1].event_id}

    async def handler(event: RecordedEvent, conn: AsyncConnection) -> None:
        if event.event_id in broken:
            raise ValueError(f"broken {event.stream_version}")
        await record_effect(event, conn)

    async with open_relay(service, engine, event_store, kafka_bootstrap) as relay:
        await publish_all(relay)
    consumer = consumer_for(service, engine, kafka_bootstrap, handler, max_attempts=2)
    async with running(consumer.run):
        await eventually(lambda: _letters(engine, "parked", 2), message="case A not parked")
    [dead] = await list_dead_letters(engine, GROUP, "dead")

    # when a retry fails again
    outcome = await retry_dead_letter(engine, dead.id, handler, GROUP)

    # then it stays dead with one more attempt, and nothing behind it moved
    assert (outcome.ok, outcome.dead, outcome.resolved) == (False, dead.id, [])
    [again] = await list_dead_letters(engine, GROUP, "dead")
    assert (again.id, again.attempts) == (dead.id, dead.attempts + 1)

    # when the dead one is fixed but the last parked one now fails
    broken = {a[3].event_id}
    outcome = await retry_dead_letter(engine, dead.id, handler, GROUP)

    # then the replay stops there: it becomes the dead letter, the rest stays applied in order
    assert outcome.dead is not None and outcome.error == "ValueError: broken 4"
    [now_dead] = await list_dead_letters(engine, GROUP, "dead")
    assert now_dead.event_id == a[3].event_id
    assert await effects_of(engine, "stream-A") == [1, 2, 3]
    broken = set()
    assert (await retry_dead_letter(engine, now_dead.id, handler, GROUP)).ok
    assert await effects_of(engine, "stream-A") == [1, 2, 3, 4]


@pytest.mark.req("GEN-3")
async def test_an_undecodable_message_is_dead_at_once_and_other_cases_flow(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given a garbage message of case A on the topic, then good events of cases A and B
    service = new_service()
    topic = internal_topic(service)
    await create_effects_table(engine)
    await ensure_topics(kafka_bootstrap, [topic])
    await _produce(kafka_bootstrap, topic, [(b"case-A", b"{not json", [("ce_type", b"x")])])
    await _two_cases(event_store, per_case=2)
    async with open_relay(service, engine, event_store, kafka_bootstrap) as relay:
        await publish_all(relay)

    # when the consumer runs
    async with running(consumer_for(service, engine, kafka_bootstrap).run):
        await eventually(lambda: _effects_of_equal(engine, "stream-B", [1, 2]))
        await eventually(lambda: _letters(engine, "parked", 2))

    # then the garbage is dead at once, naming the decoding problem, and case A waits behind it
    [dead] = await list_dead_letters(engine, GROUP, "dead")
    assert dead.reason.startswith("undecodable: missing header")
    assert (dead.case_key, dead.attempts, dead.value) == ("case-A", 1, b"{not json")
    assert await effects_of(engine, "stream-A") == []
    [record] = await read_topic(kafka_bootstrap, dlq_topic(service), at_least=1)
    assert headers_of(record)["dlq_reason"] == dead.reason


@pytest.mark.req("GEN-3")
async def test_a_higher_broker_epoch_rewinds_the_partition_so_nothing_is_skipped(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given a one-partition topic holding events 1-3 twice (a relay crash re-sent them), which
    # the group applied and committed up to offset 6
    service = new_service()
    topic = internal_topic(service)
    await create_effects_table(engine)
    await ensure_topics(kafka_bootstrap, [topic], partitions=1)
    events = await event_store.append("s", [an_event("c", n) for n in range(8)], None)
    await _produce_events(kafka_bootstrap, topic, events[:3] * 2, epoch=0)
    async with running(consumer_for(service, engine, kafka_bootstrap).run):
        await eventually(lambda: _at_least(consumed_offsets(engine), 6))

    # when the broker loses the topic, the group's offset 6 survives, and the relay republishes
    # all 8 events in broker epoch 1 (so offsets 0-5 now hold events 1-6)
    await _recreate(kafka_bootstrap, topic)
    await _commit_group_offset(kafka_bootstrap, topic, 6)
    await _produce_events(kafka_bootstrap, topic, events, epoch=1)
    async with running(consumer_for(service, engine, kafka_bootstrap).run):
        await eventually(lambda: _applied(engine, 8), message="events skipped after the epoch")

    # then every event was applied once, in order
    assert await effects_of(engine, "s") == list(range(1, 9))


@pytest.mark.req("GEN-3")
async def test_a_position_past_the_end_of_a_shrunken_partition_rewinds_it(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given a one-partition topic holding events 1-2 twice, applied and committed up to offset 4
    service = new_service()
    topic = internal_topic(service)
    await create_effects_table(engine)
    await ensure_topics(kafka_bootstrap, [topic], partitions=1)
    events = await event_store.append("s", [an_event("c", n) for n in range(3)], None)
    await _produce_events(kafka_bootstrap, topic, events[:2] * 2, epoch=0)
    async with running(consumer_for(service, engine, kafka_bootstrap).run):
        await eventually(lambda: _at_least(consumed_offsets(engine), 4))

    # when the broker loses the topic, the group's offset 4 survives, and the relay republishes
    # the 3 events it has, so the partition now ends at 3, short of the group's offset
    await _recreate(kafka_bootstrap, topic)
    await _commit_group_offset(kafka_bootstrap, topic, 4)
    await _produce_events(kafka_bootstrap, topic, events, epoch=1)
    async with running(consumer_for(service, engine, kafka_bootstrap).run):
        await eventually(lambda: _applied(engine, 3), message="stuck past the end")

    # then the third event, never seen before the loss, was applied, and nothing twice
    assert await effects_of(engine, "s") == [1, 2, 3]


async def _two_cases(store: EventStore, per_case: int) -> tuple[list[RecordedEvent], ...]:
    a: list[RecordedEvent] = []
    b: list[RecordedEvent] = []
    for n in range(per_case):
        a += await store.append("stream-A", [an_event("case-A", n)], None)
        b += await store.append("stream-B", [an_event("case-B", n)], None)
    return a, b


async def _applied(engine: AsyncEngine, count: int) -> bool:
    return (await effect_counts(engine)).distinct >= count


async def _at_least(value: object, expected: int) -> bool:
    return int(await value) >= expected  # type: ignore[misc]


async def _letters(engine: AsyncEngine, status: str, count: int) -> bool:
    return len(await list_dead_letters(engine, GROUP, status)) >= count


async def _effects_of_equal(engine: AsyncEngine, stream_id: str, versions: list[int]) -> bool:
    return await effects_of(engine, stream_id) == versions


async def _produce(
    bootstrap: str, topic: str, records: list[tuple[bytes, bytes, list[tuple[str, bytes]]]]
) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for key, value, headers in records:
            await (await producer.send(topic, value, key=key, headers=headers))
    finally:
        await producer.stop()


async def _produce_events(
    bootstrap: str, topic: str, events: list[RecordedEvent], epoch: int
) -> None:
    encoded = [encode(e, "test", epoch) for e in events]
    await _produce(bootstrap, topic, [(r.key, r.value, r.headers) for r in encoded])


async def _recreate(bootstrap: str, topic: str) -> None:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.delete_topics([topic])
    finally:
        await admin.close()
    await ensure_topics(bootstrap, [topic], partitions=1)


async def _commit_group_offset(bootstrap: str, topic: str, offset: int) -> None:
    member = make_consumer(kafka(bootstrap), GROUP, [topic])
    await member.start()
    try:
        await eventually(lambda: _assigned(member), message="never assigned")
        await member.commit({tp: offset for tp in member.assignment()})
    finally:
        await stop_group_consumer(member)


async def _rewind_group(bootstrap: str, topic: str) -> None:
    await _commit_group_offset(bootstrap, topic, 0)


async def _assigned(member: AIOKafkaConsumer) -> bool:
    await member.getmany(timeout_ms=50)
    return bool(member.assignment())
