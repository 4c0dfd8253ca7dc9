"""Consumers apply a partition's batch in one transaction, with every message's semantics kept.

ADR 0034: per-case order, parking, retries and dead letters as one message at a time; a batch
whose handler fails is applied again one message at a time; a crash applies nothing twice.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore import EventStore, RecordedEvent
from shared.messaging.cloudevents import encode
from shared.messaging.consumer import EventConsumer, SetBasedHandler, list_dead_letters
from shared.messaging.delivery import Arrival, admit_batch, insert_letter
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

GROUP = "batches"
RECORDED_AT = datetime(2027, 3, 10, 1, 30, tzinfo=UTC)  # the events admitted without a store


def consumer_for(
    service: str, engine: AsyncEngine, bootstrap: str, handler: Any, **options: Any
) -> EventConsumer:
    """A consumer of the service's internal topic in GROUP."""
    cfg = kafka(bootstrap)
    return EventConsumer(service, GROUP, [internal_topic(service)], handler, engine, cfg, **options)


async def versions_by_stream(engine: AsyncEngine) -> dict[str, list[int]]:
    """The stream versions whose effects happened, per stream, in the order they happened."""
    out: dict[str, list[int]] = {}
    for _, stream, version in await effects_in_order(engine):
        out.setdefault(stream, []).append(version)
    return out


async def transactions_used(engine: AsyncEngine) -> int:
    """How many transactions entered the group's inbox (an entry's time is its transaction's)."""
    return int(
        await scalar(
            engine,
            "SELECT count(DISTINCT processed_at) FROM inbox WHERE consumer_group = :g",
            g=GROUP,
        )
    )


@pytest.mark.req("GEN-3")
async def test_a_poison_message_in_the_middle_of_a_batch_parks_its_case_only(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given cases A, B and C interleaved on one partition, A's third event poison to the handler
    service = new_service()
    await create_effects_table(engine)
    await ensure_topics(kafka_bootstrap, [internal_topic(service)], partitions=1)
    cases = await _interleaved(event_store, ["A", "B", "C"], per_case=5)
    poison = cases["A"][2].event_id
    calls: Counter[Any] = Counter()

    async def flaky(event: RecordedEvent, conn: AsyncConnection) -> None:
        calls[event.event_id] += 1
        if event.event_id == poison:
            raise RuntimeError("低保核对失败 check failed")
        await record_effect(event, conn)

    consumer = consumer_for(
        service, engine, kafka_bootstrap, flaky, max_attempts=2, backoff_base_s=0.01
    )

    # when the consumer reads all 15 from the start
    async with (
        open_relay(service, engine, event_store, kafka_bootstrap) as relay,
        running(consumer.run),
    ):
        await publish_all(relay)
        await eventually(lambda: _letters(engine, "parked", 2), message="case A not parked")
        await eventually(lambda: _all_of(engine, {"B": 5, "C": 5}), message="B and C stuck")

        # then B and C flowed in order, A stopped before its poison, nothing was applied twice
        versions = await versions_by_stream(engine)
        assert versions == {
            "stream-A": [1, 2],
            "stream-B": [1, 2, 3, 4, 5],
            "stream-C": [1, 2, 3, 4, 5],
        }
        counts = await effect_counts(engine)
        assert (counts.total, counts.distinct) == (12, 12)
        # the poison was tried in its batch, then max_attempts times on its own, then died
        assert calls[poison] == 1 + 2
        [dead] = await list_dead_letters(engine, GROUP, "dead")
        assert (dead.event_id, dead.attempts) == (poison, 2)
        assert dead.reason == "RuntimeError: 低保核对失败 check failed"
        parked = await list_dead_letters(engine, GROUP, "parked")
        assert [p.event_id for p in parked] == [e.event_id for e in cases["A"][3:]]
        [record] = await read_topic(kafka_bootstrap, dlq_topic(service), at_least=1)
        assert headers_of(record)["ce_id"] == str(poison)

        # when more events of A and B arrive, in batches that hold no poison
        calls.clear()
        for n in (5, 6):
            cases["A"] += await event_store.append("stream-A", [an_event("case-A", n)], None)
            cases["B"] += await event_store.append("stream-B", [an_event("case-B", n)], None)
        await publish_all(relay)
        await eventually(lambda: _letters(engine, "parked", 4), message="late A events not parked")
        await eventually(lambda: _all_of(engine, {"B": 7}), message="late B events not applied")

    # then A's new events parked behind its dead letter without reaching the handler
    assert set(calls) == {e.event_id for e in cases["B"][5:]}
    parked = await list_dead_letters(engine, GROUP, "parked")
    assert [p.event_id for p in parked] == [e.event_id for e in cases["A"][3:]]
    assert {p.reason for p in parked} == {f"parked behind dead letter #{dead.id}"}
    assert (await versions_by_stream(engine))["stream-A"] == [1, 2]


@pytest.mark.req("GEN-3")
@pytest.mark.parametrize("set_based", [False, True], ids=["one-event-handler", "set-based"])
async def test_each_case_keeps_its_order_across_batches(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str, set_based: bool
) -> None:
    # given 6 cases of 12 events each on one partition, with a relay batch of 3 sent twice (the
    # broker has no idempotent producer), read in batches of 7 that cut across the cases
    service = new_service()
    topic = internal_topic(service)
    await create_effects_table(engine)
    await ensure_topics(kafka_bootstrap, [topic], partitions=1)
    stored = await append_streams(event_store, streams=6, per_stream=12, case_of=lambda s: None)
    await _produce(kafka_bootstrap, topic, stored[:3] * 2 + stored[3:])
    batches: list[int] = []

    async def record_all(events: Sequence[RecordedEvent], conn: AsyncConnection) -> None:
        batches.append(len(events))
        for event in events:
            await record_effect(event, conn)

    handler = SetBasedHandler(record_effect, record_all) if set_based else record_effect

    # when a consumer reads them all
    consumer = consumer_for(service, engine, kafka_bootstrap, handler, batch_size=7)
    async with running(consumer.run):
        await eventually(lambda: _applied(engine, len(stored)), message="events not applied")

    # then each case's events took effect once each, in order
    counts = await effect_counts(engine)
    assert (counts.total, counts.distinct) == (len(stored), len(stored))
    versions = await versions_by_stream(engine)
    assert versions == {f"stream-{s}": list(range(1, 13)) for s in range(6)}
    # and in batches: far fewer transactions than events
    assert await transactions_used(engine) < len(stored) / 3
    if set_based:
        assert sum(batches) == len(stored) and max(batches) > 1


@pytest.mark.req("GEN-3")
async def test_a_crash_inside_a_batch_transaction_applies_nothing_twice(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given 80 published events, and a consumer whose handler stops dead after 30 of them, in
    # the middle of a batch's transaction (a process killed between apply and commit)
    service = new_service()
    await create_effects_table(engine)
    stored = await append_streams(event_store, streams=8, per_stream=10, case_of=lambda s: None)
    async with open_relay(service, engine, event_store, kafka_bootstrap) as relay:
        await publish_all(relay)
    handled = 0
    frozen = asyncio.Event()

    async def dies_midway(event: RecordedEvent, conn: AsyncConnection) -> None:
        nonlocal handled
        await record_effect(event, conn)
        handled += 1
        if handled >= 30:
            frozen.set()
            await asyncio.Event().wait()  # never returns: the process is killed here

    # when it is killed there
    stop = asyncio.Event()
    task = asyncio.create_task(
        consumer_for(service, engine, kafka_bootstrap, dies_midway).run(stop)
    )
    await eventually(frozen.is_set, timeout=60, message="the handler never got 30 events")
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    applied_before_restart = (await effect_counts(engine)).distinct
    assert applied_before_restart < len(stored)

    # and a new member of the group takes over
    async with running(consumer_for(service, engine, kafka_bootstrap, record_effect).run):
        await eventually(lambda: _applied(engine, len(stored)), timeout=60, message="events lost")

    # then every effect happened exactly once, each stream in order
    counts = await effect_counts(engine)
    assert (counts.total, counts.distinct) == (len(stored), len(stored))
    versions = await versions_by_stream(engine)
    assert all(v == list(range(1, 11)) for v in versions.values()) and len(versions) == 8


@pytest.mark.req("GEN-3")
async def test_a_crash_after_a_batch_commits_and_before_its_offset_is_committed_changes_nothing(
    engine: AsyncEngine,
    event_store: EventStore,
    kafka_bootstrap: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given 80 published events and a broker that never acknowledges the group's offset commits
    service = new_service()
    await create_effects_table(engine)
    stored = await append_streams(event_store, streams=8, per_stream=10, case_of=lambda s: None)
    async with open_relay(service, engine, event_store, kafka_bootstrap) as relay:
        await publish_all(relay)
    committing = asyncio.Event()

    async def hangs(self: AIOKafkaConsumer, offsets: Any = None) -> None:
        committing.set()
        await asyncio.Event().wait()

    # when a consumer applies them all (its batches committed) and is killed in an offset commit
    with monkeypatch.context() as patch:
        patch.setattr(AIOKafkaConsumer, "commit", hangs)
        stop = asyncio.Event()
        task = asyncio.create_task(
            consumer_for(service, engine, kafka_bootstrap, record_effect).run(stop)
        )
        await eventually(lambda: _applied(engine, len(stored)), timeout=60, message="not applied")
        await eventually(committing.is_set, message="no offset commit attempted")
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    # and a new member of the group reads the partitions again from their start
    async with engine.begin() as conn:  # forget how far the group got, to see it read again
        await conn.exec_driver_sql("DELETE FROM consumer_partitions")
    async with running(consumer_for(service, engine, kafka_bootstrap, record_effect).run):
        await eventually(
            lambda: _offsets_reach(engine, len(stored)), timeout=60, message="not read again"
        )

    # then every effect still happened exactly once
    counts = await effect_counts(engine)
    assert (counts.total, counts.distinct) == (len(stored), len(stored))


async def test_a_batch_is_admitted_as_each_message_would_be(engine: AsyncEngine) -> None:
    # given case X blocked by a dead letter, and a batch of X, Y and a repeat of Y's first event
    x1, x2 = _recorded("X", 1), _recorded("X", 2)
    y1, y2 = _recorded("Y", 1), _recorded("Y", 2)
    async with engine.begin() as conn:
        blocker = await insert_letter(
            conn, GROUP, x1.case_id, _arrival(x1, 0).stored(), "dead", "bad", 5
        )
    batch = [_arrival(e, offset) for offset, e in enumerate([y1, x2, y2, y1], start=1)]

    # when the batch is admitted
    async with engine.begin() as conn:
        admitted = await admit_batch(conn, GROUP, batch)

    # then X's message parks behind the letter, and Y's two events are due once each, in order
    assert [a.event.event_id for a in admitted.due] == [y1.event_id, y2.event_id]
    assert admitted.parked == 1
    [parked] = await list_dead_letters(engine, GROUP, "parked")
    assert (parked.event_id, parked.reason) == (
        x2.event_id,
        f"parked behind dead letter #{blocker}",
    )
    # and admitted again (a redelivery), nothing is due
    async with engine.begin() as conn:
        again = await admit_batch(conn, GROUP, batch)
    assert (again.due, again.parked) == ([], 1)
    assert len(await list_dead_letters(engine, GROUP, "parked")) == 1


async def _interleaved(
    store: EventStore, names: list[str], per_case: int
) -> dict[str, list[RecordedEvent]]:
    out: dict[str, list[RecordedEvent]] = {name: [] for name in names}
    for n in range(per_case):
        for name in names:
            out[name] += await store.append(f"stream-{name}", [an_event(f"case-{name}", n)], None)
    return out


def _recorded(case: str, version: int) -> RecordedEvent:
    new = an_event(f"case-{case}", version)
    return RecordedEvent(
        event_id=new.event_id, type=new.type, schema_version=1, stream_id=f"stream-{case}",
        stream_version=version, position=version, occurred_at=RECORDED_AT, recorded_at=RECORDED_AT,
        data=new.data, metadata=new.metadata, prev_hash="0" * 64, hash="1" * 64,
    )  # fmt: skip


def _arrival(event: RecordedEvent, offset: int) -> Arrival:
    record = encode(event, "test", 0)
    message = SimpleNamespace(
        topic="t.internal", partition=0, offset=offset, key=record.key,
        headers=record.headers, value=record.value,
    )  # fmt: skip
    return Arrival(message, event)


async def _produce(bootstrap: str, topic: str, events: list[RecordedEvent]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for event in events:
            record = encode(event, "test", 0)
            await producer.send(topic, record.value, key=record.key, headers=record.headers)
        await producer.flush()
    finally:
        await producer.stop()


async def _applied(engine: AsyncEngine, count: int) -> bool:
    return (await effect_counts(engine)).distinct >= count


async def _all_of(engine: AsyncEngine, expected: dict[str, int]) -> bool:
    versions = await versions_by_stream(engine)
    return all(len(versions.get(f"stream-{name}", [])) >= n for name, n in expected.items())


async def _letters(engine: AsyncEngine, status: str, count: int) -> bool:
    return len(await list_dead_letters(engine, GROUP, status)) >= count


async def _offsets_reach(engine: AsyncEngine, total: int) -> bool:
    consumed = await scalar(
        engine,
        'SELECT coalesce(sum("offset"), 0) FROM consumer_partitions WHERE consumer_group = :g',
        g=GROUP,
    )
    return int(consumed) >= total
