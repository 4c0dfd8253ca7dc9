"""Each partition is applied by a task of its own, while the consumer fetches the others (ADR 0051).

A partition whose messages take long to apply no longer holds up what arrives on another one:
before, a fetch's partitions were applied together and nothing was fetched until all of them
were done.
"""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import TopicPartition
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore import EventStore, RecordedEvent
from shared.messaging.consumer import EventConsumer
from shared.messaging.topics import internal_topic
from shared.messaging.waves import partition_of
from tests.shared.integration.messaging_support import (
    an_event,
    create_effects_table,
    effect_counts,
    effects_in_order,
    kafka,
    new_service,
    open_relay,
    publish_all,
    record_effect,
    running,
)
from tests.support import eventually

GROUP = "partitions"
EVENTS_PER_CASE = 5


def cases_on_two_partitions(partitions: int) -> tuple[str, str]:
    """Two case ids whose events land on different partitions of the topic."""
    known = tuple(range(partitions))
    slow = "case-slow"
    quick = next(
        f"case-quick-{n}"
        for n in range(1000)
        if partition_of(f"case-quick-{n}".encode(), known) != partition_of(slow.encode(), known)
    )
    return slow, quick


async def append_case(store: EventStore, case_id: str) -> None:
    """EVENTS_PER_CASE events of the case, on its own stream."""
    for n in range(EVENTS_PER_CASE):
        await store.append(case_id, [an_event(case_id, n)], None)


@pytest.mark.req("GEN-3")
async def test_a_partition_that_takes_long_does_not_hold_up_another_one(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given a case whose events block the handler until released, on one partition
    service = new_service()
    cfg = kafka(kafka_bootstrap)
    slow, quick = cases_on_two_partitions(cfg.topic_partitions)
    await create_effects_table(engine)
    started, release = asyncio.Event(), asyncio.Event()

    async def handler(event: RecordedEvent, conn: AsyncConnection) -> None:
        if event.case_id == slow:
            started.set()
            await release.wait()
        await record_effect(event, conn)

    consumer = EventConsumer(
        service, GROUP, [internal_topic(service)], handler, engine, cfg, batch_size=100
    )
    await append_case(event_store, slow)
    async with open_relay(service, engine, event_store, kafka_bootstrap) as relay:
        await publish_all(relay)
        async with running(consumer.run):
            await eventually(started.is_set, timeout=30, message="the slow case never arrived")

            # when another case's events arrive on another partition while that one is held
            await append_case(event_store, quick)
            await publish_all(relay)

            # then they are applied meanwhile
            await eventually(
                lambda: _effects(engine, quick, EVENTS_PER_CASE),
                timeout=30,
                message="the other partition waited for the slow one",
            )
            assert not await _effects(engine, slow, 1)

            # and once released, the slow case's events follow, each once and in order
            release.set()
            await eventually(lambda: _effects(engine, slow, EVENTS_PER_CASE), timeout=30)
    counts = await effect_counts(engine)
    assert (counts.total, counts.distinct) == (2 * EVENTS_PER_CASE, 2 * EVENTS_PER_CASE)
    slow_versions = [v for _, stream, v in await effects_in_order(engine) if stream == slow]
    assert slow_versions == list(range(1, EVENTS_PER_CASE + 1))


async def _effects(engine: AsyncEngine, stream: str, at_least: int) -> bool:
    return sum(s == stream for _, s, _ in await effects_in_order(engine)) >= at_least


@pytest.mark.req("GEN-3")
async def test_the_loss_check_lets_go_of_a_partition_the_group_took_away(
    engine: AsyncEngine, kafka_bootstrap: str
) -> None:
    # given a running consumer, and a partition that is not (or no longer) its own: a rebalance
    # can take one away while the consumer awaits its fetch (seen in CI after a broker loss)
    service = new_service()
    cfg = kafka(kafka_bootstrap)
    topic = internal_topic(service)
    consumer = EventConsumer(service, GROUP, [topic], record_effect, engine, cfg)
    async with running(consumer.run):
        await eventually(lambda: bool(consumer.assignment()), timeout=30)
        taken_away = TopicPartition(topic, cfg.topic_partitions)
        assert taken_away not in consumer.assignment()

        # when the check for lost records looks at it, then it passes it by without an error
        kafka_consumer = consumer._consumer
        assert kafka_consumer is not None
        await consumer._catch_lost_records(kafka_consumer, [taken_away])
