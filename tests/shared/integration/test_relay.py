"""The outbox relay against real PostgreSQL and the real broker: every event, once, in order."""

from __future__ import annotations

import asyncio
import functools
import json
import os
import signal
import subprocess
import sys
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiokafka.errors import KafkaConnectionError
from sqlalchemy.ext.asyncio import AsyncEngine

from services.settings import PROJECT_ROOT
from shared.eventstore import EventMetadata, EventStore, NewEvent
from shared.messaging import relay as relay_module
from shared.messaging.cloudevents import UndecodableMessage, decode
from shared.messaging.consumer import EventConsumer
from shared.messaging.relay import OutboxRelay
from shared.messaging.relay_state import reset_for_new_broker
from shared.messaging.topics import events_topic, internal_topic
from tests.shared.integration.messaging_support import (
    CLERK,
    append_streams,
    checkpoint_of,
    create_effects_table,
    effect_counts,
    headers_of,
    kafka,
    new_service,
    read_topic,
    record_effect,
    running,
    scalar,
)
from tests.support import eventually

RELAY_MAIN = Path(__file__).with_name("relay_main.py")


def case_of(stream: int) -> str | None:
    """Streams 0-5 share case-0..2 two by two; the others name no case (keyed by stream)."""
    return f"case-{stream // 2}" if stream < 6 else None


@pytest.mark.req("GEN-2", "GEN-3")
async def test_relay_publishes_every_event_once_in_stream_order_keyed_by_case(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given 12 streams of 15 events each, some streams sharing a case
    service = new_service()
    stored = await append_streams(event_store, streams=12, per_stream=15, case_of=case_of)
    relay = OutboxRelay(service, engine, event_store, kafka(kafka_bootstrap), batch_size=50)

    # when the relay runs until it has nothing left to publish
    async with running(relay.run):
        await eventually(lambda: _lag_is_zero(relay), message="relay never caught up")
    records = await read_topic(kafka_bootstrap, internal_topic(service), at_least=len(stored))

    # then every event is on the internal topic exactly once, a CloudEvent that decodes to the
    # stored one
    decoded = [decode(r.headers, r.value) for r in records]
    assert sorted(str(d.event.event_id) for d in decoded) == sorted(str(e.event_id) for e in stored)
    assert {d.event.event_id: d.event for d in decoded} == {e.event_id: e for e in stored}
    assert all(headers_of(r)["ce_source"] == f"/safetynet/{service}" for r in records)
    # and each record is keyed by its case; a case lives in one partition, in stream order
    by_key: dict[bytes, list[tuple[int, int]]] = defaultdict(list)
    for record, d in zip(records, decoded, strict=True):
        assert record.key == d.event.case_id.encode()
        by_key[record.key].append((record.partition, record.offset, d.event.position))
    for key, placed in by_key.items():
        assert len({p for p, _, _ in placed}) == 1, f"{key!r} spread over partitions"
        positions = [pos for _, _, pos in sorted(placed)]
        assert positions == sorted(positions), f"{key!r} out of order"
    assert len(by_key) == 3 + 6
    assert await relay.lag() == 0


@pytest.mark.req("GEN-3")
async def test_only_one_relay_leads_and_a_standby_takes_over(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given two relay replicas of one service running side by side
    service = new_service()
    first = await append_streams(event_store, streams=5, per_stream=10, case_of=lambda s: None)
    cfg = kafka(kafka_bootstrap)
    leader = OutboxRelay(service, engine, event_store, cfg, batch_size=20)
    standby = OutboxRelay(service, engine, event_store, cfg, batch_size=20)

    # when both run, then the leader is stopped and more events are appended
    async with running(leader.run):
        await eventually(lambda: _lag_is_zero(leader), message="leader never caught up")
        async with running(standby.run):
            await eventually(lambda: _lag_is_zero(standby))
            await asyncio.sleep(0)  # the standby polls for leadership on its own clock
    async with running(standby.run):
        second = await append_streams(event_store, streams=5, per_stream=4, case_of=lambda s: None)
        await eventually(lambda: _lag_is_zero(standby), message="standby never took over")
    records = await read_topic(kafka_bootstrap, events_topic(service), len(first) + len(second))

    # then every event was published once: the replicas never both relayed
    ids = [headers_of(r)["ce_id"] for r in records]
    assert len(ids) == len(set(ids)) == len(first) + len(second)


@pytest.mark.req("GEN-3")
@pytest.mark.slow
async def test_a_relay_killed_mid_batch_loses_nothing_and_effects_happen_once(
    engine: AsyncEngine,
    event_store: EventStore,
    database_url: str,
    kafka_bootstrap: str,
    tmp_path: Path,
) -> None:
    # given 3000 events across 50 streams and a relay running as its own process
    service = new_service()
    topic = events_topic(service)  # names the checkpoint
    internal = internal_topic(service)  # what the platform's consumers read
    stored = await append_streams(event_store, streams=50, per_stream=60, case_of=lambda s: None)
    head = stored[-1].position
    start = functools.partial(_start_relay, database_url, kafka_bootstrap, service, tmp_path)

    # when it is killed with SIGKILL after the broker acknowledged a batch but before the
    # checkpoint commit; then a second one is killed right after a checkpoint commit
    await _kill_when(start("1", hooked=True), lambda m: _acked_not_committed(engine, topic, m))
    await _kill_when(start("2", hooked=True), lambda m: _just_committed(engine, topic, m, head))
    # and a third relay runs until the checkpoint reaches the head
    third = start("3", hooked=False)
    try:
        await eventually(
            lambda: _checkpoint_between(engine, topic, head - 1, head + 1),
            timeout=120,
            message="the restarted relay never reached the head",
        )
    finally:
        third.send_signal(signal.SIGTERM)
        third.wait(30)
    records = await read_topic(kafka_bootstrap, internal, at_least=len(stored))
    on_topic = [headers_of(r)["ce_id"] for r in records]

    # then the topic holds every event (some twice), and a consumer applies each once
    assert set(on_topic) == {str(e.event_id) for e in stored}
    await create_effects_table(engine)
    consumer = EventConsumer(
        service, "counting", [internal], record_effect, engine, kafka(kafka_bootstrap)
    )
    async with running(consumer.run):
        await eventually(
            lambda: _consumed_all(engine, "counting", len(records)),
            timeout=120,
            message="the consumer never reached the end of the topic",
        )
    counts = await effect_counts(engine)
    print(
        f"\n{len(records)} records on the topic for {head} events,"
        f" {len(records) - len(set(on_topic))} duplicates; effects {counts}"
    )
    assert counts.distinct == len(stored), "events lost"
    assert counts.duplicated == 0, "effects duplicated"
    assert len(records) > len(set(on_topic)), "the kill did not land between ack and checkpoint"


async def _kill_when(
    relay: subprocess.Popen[bytes], moment: Callable[[str], Awaitable[bool]]
) -> None:
    marker = Path(relay.args[-1])  # type: ignore[index]
    try:
        await eventually(
            lambda: moment(_marker(marker)),
            timeout=60,
            interval=0.01,
            message="the relay never got there",
        )
        relay.send_signal(signal.SIGKILL)
    finally:
        relay.wait(10)


def _start_relay(
    url: str, bootstrap: str, service: str, work: Path, name: str, *, hooked: bool
) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    args = [sys.executable, str(RELAY_MAIN), url, bootstrap, service, "100"]
    with (work / f"relay-{name}.log").open("wb") as out:
        return subprocess.Popen(
            [*args, *([str(work / f"marker-{name}")] if hooked else [])],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=PROJECT_ROOT,
        )


async def _lag_is_zero(relay: OutboxRelay) -> bool:
    return await relay.lag() == 0


async def _acked_not_committed(engine: AsyncEngine, topic: str, marker: str) -> bool:
    """A batch is acknowledged by the broker but its checkpoint is not committed yet."""
    position, _ = await checkpoint_of(engine, topic)
    stage, _, acked = marker.partition(" ")
    return stage == "pre" and acked.isdigit() and 0 < position < int(acked)


async def _just_committed(engine: AsyncEngine, topic: str, marker: str, head: int) -> bool:
    """A checkpoint was committed a moment ago, and more remains to publish."""
    position, _ = await checkpoint_of(engine, topic)
    return 0 < position < head and marker == f"post {position}"


def _marker(path: Path) -> str:
    return path.read_text() if path.exists() else ""


async def _checkpoint_between(engine: AsyncEngine, topic: str, low: int, high: int) -> bool:
    position, _ = await checkpoint_of(engine, topic)
    return low < position < high


async def _consumed_all(engine: AsyncEngine, group: str, records: int) -> bool:
    consumed = await scalar(
        engine,
        'SELECT coalesce(sum("offset"), 0) FROM consumer_partitions WHERE consumer_group = :g',
        g=group,
    )
    return int(consumed) >= records


@pytest.mark.req("GEN-2", "GEN-3")
async def test_a_batch_read_ahead_is_used_only_where_the_checkpoint_then_stands(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str
) -> None:
    # given 25 events and a relay sending 10 at a time, which after a full batch reads the next
    service = new_service()
    topic = events_topic(service)
    await append_streams(event_store, streams=5, per_stream=5, case_of=case_of)
    relay = OutboxRelay(service, engine, event_store, kafka(kafka_bootstrap), batch_size=10)
    try:
        assert await relay.publish_once() == 10

        # when the checkpoint moves elsewhere before the next batch (a new broker epoch, from 0)
        await reset_for_new_broker(engine, topic)
        assert await relay.publish_once() == 10

        # then that batch started at the new checkpoint, not where the read ahead began
        assert await checkpoint_of(engine, topic) == (10, 1)
        # and a read ahead that begins where the checkpoint stands is the next batch
        assert await relay.publish_once() == 10
        assert await checkpoint_of(engine, topic) == (20, 1)
        assert await relay.publish_once() == 5
    finally:
        await relay.close()
    records = await read_topic(kafka_bootstrap, topic, at_least=35)
    sent = sorted(
        (headers_of(r)["ce_brokerepoch"], int(headers_of(r)["ce_position"])) for r in records
    )
    assert sent == [("0", p) for p in range(1, 11)] + [("1", p) for p in range(1, 26)]


@pytest.mark.req("GEN-3", "GEN-7")
async def test_each_event_goes_whole_to_the_internal_topic_and_as_its_public_view_to_events(
    engine: AsyncEngine,
    event_store: EventStore,
    kafka_bootstrap: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given events holding a resident ID, a bank account, a name and a health note
    service = new_service()
    person = {"resident_id": "62010219800101123X", "name": "张三丰", "health": "糖尿病"}
    data = {"members": [person], "bank_account": "6222021234567890123", "n": 1}
    metadata = EventMetadata(actor=CLERK, channel="counter", reason="核对", case_id="case-p")
    stored = [
        *(await event_store.append("p-1", [NewEvent("test.Applied", data, metadata)], 0)),
        *(await event_store.append("p-2", [NewEvent("test.Applied", data, metadata)], 0)),
    ]
    relay = OutboxRelay(service, engine, event_store, kafka(kafka_bootstrap), batch_size=10)
    sent_to: list[str] = []
    real_send = relay_module.send_in_waves

    async def public_fails(producer: Any, topic: str, outgoing: Any) -> Any:
        sent_to.append(topic)
        if topic == events_topic(service):
            raise KafkaConnectionError("the public topic is unreachable")
        return await real_send(producer, topic, outgoing)

    try:
        # when the public topic refuses the batch while the internal one takes it
        monkeypatch.setattr(relay_module, "send_in_waves", public_fails)
        with pytest.raises(KafkaConnectionError):
            await relay.publish_once()
        # then the checkpoint has not moved: the batch counts only once both topics have it
        assert await checkpoint_of(engine, events_topic(service)) == (0, 0)
        assert set(sent_to) == {internal_topic(service), events_topic(service)}

        # when the public topic is back
        monkeypatch.setattr(relay_module, "send_in_waves", real_send)
        assert await relay.publish_once() == 2
    finally:
        await relay.close()
    assert await checkpoint_of(engine, events_topic(service)) == (stored[-1].position, 0)

    # then the internal topic holds the events as stored (the first attempt's copy too)
    internal = await read_topic(kafka_bootstrap, internal_topic(service), at_least=4)
    decoded = [decode(r.headers, r.value).event for r in internal]
    assert {e.event_id: e for e in decoded} == {e.event_id: e for e in stored}
    # and the public topic holds each once, as its public view, with no hash to decode it by
    public = await read_topic(kafka_bootstrap, events_topic(service), at_least=2)
    assert sorted(headers_of(r)["ce_id"] for r in public) == sorted(str(e.event_id) for e in stored)
    for record in public:
        headers = headers_of(record)
        assert headers["ce_safetynetview"] == "public"
        assert headers["ce_dataschema"].endswith("/test.Applied/v1.public.json")
        assert "ce_hash" not in headers and "ce_prevhash" not in headers
        assert record.key == b"case-p"
        view = json.loads(record.value)
        [member] = view["members"]
        assert member["resident_id"].startswith("pid_") and member["name"] == "张**"
        assert "health" not in member and view["bank_account"].endswith("0123")
        assert "62010219800101123X" not in record.value.decode()
        assert "6222021234567890123" not in record.value.decode()
        with pytest.raises(UndecodableMessage):
            decode(record.headers, record.value)
