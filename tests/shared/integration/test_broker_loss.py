"""The broker loses everything (property 6): the relay notices and republishes, consumers absorb it.

This module restarts the session's broker empty, so it lives on its own; the broker is left
running (and empty) for whatever runs next.
"""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from services.embedded import EmbeddedBroker
from shared.eventstore import EventStore
from shared.messaging.consumer import EventConsumer
from shared.messaging.readers import Reader
from shared.messaging.relay import OutboxRelay
from shared.messaging.topics import events_topic, internal_topic
from tests.shared.integration.messaging_support import (
    append_streams,
    checkpoint_of,
    create_effects_table,
    effect_counts,
    effects_in_order,
    kafka,
    new_service,
    read_topic,
    record_effect,
    running,
    scalar,
)
from tests.support import eventually

BEFORE, AFTER = 240, 120


@pytest.mark.req("GEN-3")
@pytest.mark.parametrize("consumer_restarts", [False, True], ids=["consumer-runs-on", "restarted"])
async def test_after_the_broker_restarts_empty_every_effect_happens_exactly_once(
    engine: AsyncEngine, event_store: EventStore, broker: EmbeddedBroker, consumer_restarts: bool
) -> None:
    # given a relay and a consumer that have published and applied 240 events
    service = new_service()
    topic = events_topic(service)  # names the relay's checkpoint
    internal = internal_topic(service)  # what the platform's consumers read (ADR 0020)
    cfg = kafka(broker.bootstrap_servers)
    await create_effects_table(engine)
    relay = OutboxRelay(service, engine, event_store, cfg, batch_size=50, loss_check_interval_s=1)

    def consumer() -> EventConsumer:
        return EventConsumer(service, "loss", [internal], record_effect, engine, cfg)

    first = await append_streams(event_store, streams=12, per_stream=20, case_of=lambda s: None)
    async with running(relay.run):
        async with running(consumer().run):
            await eventually(lambda: _applied(engine, BEFORE), message="first events not applied")

            # when the broker restarts with nothing in it, and 120 more events are appended
            await asyncio.to_thread(broker.restart_empty)
            second = await append_streams(event_store, 12, 10, case_of=lambda s: None)
            if not consumer_restarts:
                await _until_all_applied(engine, relay, BEFORE + AFTER)
        if consumer_restarts:
            async with running(consumer().run):
                await _until_all_applied(engine, relay, BEFORE + AFTER)
    assert len(first) + len(second) == BEFORE + AFTER

    # then the relay noticed once, moved to broker epoch 1 and republished everything
    assert relay.losses_detected == 1
    assert await checkpoint_of(engine, topic) == (first[-1].position + AFTER, 1)
    records = await read_topic(broker.bootstrap_servers, internal, at_least=BEFORE + AFTER)
    # and every effect happened exactly once, in stream order
    counts = await effect_counts(engine)
    assert (counts.total, counts.distinct) == (BEFORE + AFTER, BEFORE + AFTER)
    versions: dict[str, list[int]] = {}
    for _, stream, version in await effects_in_order(engine):
        versions.setdefault(stream, []).append(version)
    assert all(v == list(range(1, len(v) + 1)) for v in versions.values())
    print(f"\n{len(records)} records on the new broker; effects {counts}")


@pytest.mark.req("GEN-3")
async def test_after_a_loss_only_what_a_reader_has_not_consumed_is_republished(
    engine: AsyncEngine, event_store: EventStore, broker: EmbeddedBroker
) -> None:
    # given a relay that follows its one reader group, which has applied 240 events
    service = new_service()
    topic, internal = events_topic(service), internal_topic(service)
    cfg = kafka(broker.bootstrap_servers)
    await create_effects_table(engine)
    relay = OutboxRelay(service, engine, event_store, cfg, batch_size=50, loss_check_interval_s=1)
    relay.follow([Reader("loss", internal)])
    first = await append_streams(event_store, streams=12, per_stream=20, case_of=lambda s: None)
    consumer = EventConsumer(service, "loss", [internal], record_effect, engine, cfg)
    async with running(relay.run), running(consumer.run):
        await eventually(lambda: _applied(engine, BEFORE), message="first events not applied")
        # and the relay has seen the group commit past all of them
        await eventually(
            lambda: _consumed_through(engine, topic, first[-1].position),
            timeout=30,
            message="the relay never recorded the group's progress",
        )
        # when the broker restarts empty and 120 more events are appended
        await asyncio.to_thread(broker.restart_empty)
        second = await append_streams(event_store, 12, 10, case_of=lambda s: None)
        await _until_all_applied(engine, relay, BEFORE + AFTER, republished=AFTER)

    # then only the 120 events nobody had consumed went to the new broker, in epoch 1
    assert relay.losses_detected == 1
    assert await checkpoint_of(engine, topic) == (second[-1].position, 1)
    records = await read_topic(broker.bootstrap_servers, internal, at_least=AFTER)
    assert len(records) == AFTER
    # and every effect happened exactly once, in stream order
    counts = await effect_counts(engine)
    assert (counts.total, counts.distinct) == (BEFORE + AFTER, BEFORE + AFTER)
    versions: dict[str, list[int]] = {}
    for _, stream, version in await effects_in_order(engine):
        versions.setdefault(stream, []).append(version)
    assert all(v == list(range(1, len(v) + 1)) for v in versions.values())


async def _consumed_through(engine: AsyncEngine, topic: str, position: int) -> bool:
    consumed = await scalar(
        engine, "SELECT consumed_through FROM relay_checkpoints WHERE topic = :t", t=topic
    )
    return int(consumed) >= position


async def _applied(engine: AsyncEngine, count: int) -> bool:
    return (await effect_counts(engine)).distinct >= count


async def _until_all_applied(
    engine: AsyncEngine, relay: OutboxRelay, count: int, republished: int = BEFORE + AFTER
) -> None:
    await eventually(lambda: _applied(engine, count), timeout=60, message="events lost")
    await eventually(lambda: _relay_idle(relay), timeout=60, message="relay never caught up")
    await eventually(
        lambda: _read_everything(engine, republished), timeout=60, message="repeats not read"
    )


async def _relay_idle(relay: OutboxRelay) -> bool:
    return await relay.lag() == 0


async def _read_everything(engine: AsyncEngine, republished: int) -> bool:
    """The group has checkpointed past every record the relay sent in the new epoch."""
    consumed = await scalar(
        engine,
        'SELECT coalesce(sum("offset"), 0) FROM consumer_partitions'
        " WHERE consumer_group = 'loss' AND broker_epoch = 1",
    )
    return int(consumed) >= republished
