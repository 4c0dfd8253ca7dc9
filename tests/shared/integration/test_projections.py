"""Projections: checkpointed catch-up, and a rebuild from zero that equals the live read model."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore import Actor, EventMetadata, EventStore, NewEvent, RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler, ProjectionRunner, lock_key

METADATA = EventMetadata(Actor("officer-1", "township_officer", "城关区民政", "620102001"), "test")


async def _add_to_totals(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text(
            """
            INSERT INTO household_totals (stream_id, events, income_fen, last_type)
            VALUES (:s, 1, :fen, :t)
            ON CONFLICT (stream_id) DO UPDATE SET events = household_totals.events + 1,
                income_fen = household_totals.income_fen + :fen, last_type = :t
            """
        ),
        {"s": event.stream_id, "fen": event.data["income_fen"], "t": event.type},
    )


class HouseholdTotals(Projection):
    """Per stream: how many events, the running total of declared income, the last type."""

    name = "test.household_totals"
    tables = ("household_totals",)
    handlers: Mapping[str, ProjectionHandler] = {
        "test.IncomeDeclared": _add_to_totals,
        "test.IncomeCorrected": _add_to_totals,
    }


async def _create_table(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "CREATE TABLE household_totals (stream_id text PRIMARY KEY, events int NOT NULL,"
                " income_fen bigint NOT NULL, last_type text NOT NULL)"
            )
        )


async def _append_random(store: EventStore, count: int, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        stream = f"household-{rng.randrange(20)}"
        kind = rng.choice(["test.IncomeDeclared", "test.IncomeCorrected"])
        event = NewEvent(kind, {"income_fen": rng.randrange(0, 100_000)}, METADATA)
        await store.append(stream, [event], expected_version=None)


async def _snapshot(engine: AsyncEngine) -> list[dict[str, Any]]:
    async with engine.connect() as conn:
        rows = await conn.execute(text("SELECT * FROM household_totals ORDER BY stream_id"))
        return [dict(r._mapping) for r in rows]


@pytest.mark.req("GEN-1")
async def test_a_rebuild_from_zero_equals_the_live_read_model(
    engine: AsyncEngine, event_store: EventStore
) -> None:
    # given a live projection caught up with 300 events, checkpointed in batches
    await _create_table(engine)
    runner = ProjectionRunner(engine, event_store, [HouseholdTotals()], batch_size=37)
    await _append_random(event_store, 300, seed=7)
    assert await runner.catch_up(HouseholdTotals.name) == 300
    live = await _snapshot(engine)
    assert sum(r["events"] for r in live) == 300

    # when it is rebuilt from position zero into fresh tables and swapped in
    seen: list[int] = []
    report = await runner.rebuild(HouseholdTotals.name, progress=lambda pos, head: seen.append(pos))

    # then the rebuilt model equals the live one, and the checkpoint is the head
    assert await _snapshot(engine) == live
    assert report.events_replayed == 300
    assert report.position == await event_store.head_position()
    assert await runner.checkpoint(HouseholdTotals.name) == report.position
    assert seen and seen[-1] == 300


@pytest.mark.req("GEN-1")
async def test_catch_up_applies_each_event_once_across_restarts(
    engine: AsyncEngine, event_store: EventStore
) -> None:
    # given a projection that applied the first 50 events
    await _create_table(engine)
    await _append_random(event_store, 50, seed=1)
    await ProjectionRunner(engine, event_store, [HouseholdTotals()]).catch_up(HouseholdTotals.name)

    # when more events arrive and a new runner (a restarted process) catches up twice
    await _append_random(event_store, 25, seed=2)
    restarted = ProjectionRunner(engine, event_store, [HouseholdTotals()])
    assert await restarted.catch_up(HouseholdTotals.name) == 25
    assert await restarted.catch_up(HouseholdTotals.name) == 0

    # then every event was applied exactly once
    assert sum(r["events"] for r in await _snapshot(engine)) == 75


async def _count(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(text("UPDATE event_count SET events = events + 1"))


class EventCount(Projection):
    """How many events it has applied, in one row."""

    name = "test.event_count"
    tables = ("event_count",)
    handlers: Mapping[str, ProjectionHandler] = {
        "test.IncomeDeclared": _count,
        "test.IncomeCorrected": _count,
    }


@pytest.mark.req("GEN-1")
async def test_catch_up_all_brings_projections_at_different_checkpoints_to_the_head(
    engine: AsyncEngine, event_store: EventStore
) -> None:
    # given two projections: one caught up with the first 40 events, one that never ran
    await _create_table(engine)
    async with engine.begin() as conn:
        await conn.execute(text("CREATE TABLE event_count (events int NOT NULL)"))
        await conn.execute(text("INSERT INTO event_count VALUES (0)"))
    await _append_random(event_store, 40, seed=3)
    runner = ProjectionRunner(engine, event_store, [HouseholdTotals(), EventCount()], batch_size=9)
    assert await runner.catch_up(HouseholdTotals.name) == 40
    await _append_random(event_store, 30, seed=4)

    # when every projection is caught up at once (each batch read once for both)
    applied = await runner.catch_up_all()

    # then each applied exactly the events it had not, and both stand at the head
    assert applied == 30 + 70
    assert sum(r["events"] for r in await _snapshot(engine)) == 70
    async with engine.connect() as conn:
        assert await conn.scalar(text("SELECT events FROM event_count")) == 70
    head = await event_store.head_position()
    assert await runner.checkpoint(HouseholdTotals.name) == head
    assert await runner.checkpoint(EventCount.name) == head
    assert await runner.catch_up_all() == 0


@pytest.mark.req("GEN-1")
async def test_a_pass_that_reaches_the_end_of_the_log_stops_there(
    engine: AsyncEngine, event_store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given 13 events, read by a runner in batches of 9, every read of the log counted
    await _create_table(engine)
    await _append_random(event_store, 13, seed=8)
    runner = ProjectionRunner(engine, event_store, [HouseholdTotals()], batch_size=9)
    read_all, reads = event_store.read_all, []

    async def counted(after: int, limit: int) -> list[RecordedEvent]:
        reads.append(after)
        return await read_all(after, limit)

    monkeypatch.setattr(event_store, "read_all", counted)

    # when every projection is caught up
    applied = await runner.catch_up_all()

    # then a full batch and a short one were read, and the short one ended the pass: no third
    # transaction was spent to find the log empty
    assert applied == 13
    assert len(reads) == 2
    assert await runner.checkpoint(HouseholdTotals.name) == await event_store.head_position()


@pytest.mark.req("GEN-1")
async def test_a_catch_up_that_will_not_wait_leaves_the_work_to_the_one_under_way(
    engine: AsyncEngine, event_store: EventStore
) -> None:
    # given 20 events, and another process catching the projection up (holding its lock)
    await _create_table(engine)
    await _append_random(event_store, 20, seed=5)
    runner = ProjectionRunner(engine, event_store, [HouseholdTotals()])
    async with engine.begin() as other:
        key = lock_key(HouseholdTotals.name)
        await other.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": key})
        # when this runner catches up without waiting
        skipped = await runner.catch_up(HouseholdTotals.name, wait=False)
    # then it applied nothing and returned at once; once the lock is free, it does the work
    assert skipped == 0
    assert await runner.checkpoint(HouseholdTotals.name) == 0
    assert await runner.catch_up(HouseholdTotals.name, wait=False) == 20
    assert sum(r["events"] for r in await _snapshot(engine)) == 20


async def _never(event: RecordedEvent, conn: AsyncConnection) -> None:
    raise AssertionError("DeclaredIncomes applies batches")


class DeclaredIncomes(Projection):
    """Remembers the event types of each batch it is handed; it handles declarations only."""

    name = "test.declared_incomes"
    tables = ()
    handlers: Mapping[str, ProjectionHandler] = {"test.IncomeDeclared": _never}

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    async def handle_batch(self, batch: list[RecordedEvent], conn: AsyncConnection) -> None:
        self.batches.append([event.type for event in batch])


async def _append(store: EventStore, kind: str, count: int) -> None:
    for n in range(count):
        event = NewEvent(kind, {"income_fen": n}, METADATA)
        await store.append(f"household-{n}", [event], expected_version=None)


def _handed(projection: DeclaredIncomes) -> list[str]:
    return [kind for batch in projection.batches for kind in batch]


@pytest.mark.req("GEN-1")
async def test_a_projection_is_handed_only_its_types_and_its_checkpoint_passes_the_others(
    engine: AsyncEngine, event_store: EventStore
) -> None:
    # given 5 declarations, 10 corrections (two whole batches of 5 it does not handle), 5 more
    await _append(event_store, "test.IncomeDeclared", 5)
    await _append(event_store, "test.IncomeCorrected", 10)
    await _append(event_store, "test.IncomeDeclared", 5)
    projection = DeclaredIncomes()
    runner = ProjectionRunner(engine, event_store, [projection], batch_size=5)

    # when it catches up
    moved = await runner.catch_up(DeclaredIncomes.name)

    # then it was called for the two batches of declarations only, and stands at the head
    assert projection.batches == [["test.IncomeDeclared"] * 5] * 2
    assert moved == 20
    assert await runner.checkpoint(DeclaredIncomes.name) == await event_store.head_position()

    # and a tail of corrections alone moves the checkpoint without a call
    await _append(event_store, "test.IncomeCorrected", 3)
    assert await runner.catch_up(DeclaredIncomes.name) == 3
    assert len(projection.batches) == 2
    assert await runner.checkpoint(DeclaredIncomes.name) == await event_store.head_position()


@pytest.mark.req("GEN-1")
async def test_catch_up_all_and_a_rebuild_skip_the_types_a_projection_does_not_handle(
    engine: AsyncEngine, event_store: EventStore
) -> None:
    # given a log of mixed types, ending with corrections
    await _append(event_store, "test.IncomeCorrected", 4)
    await _append(event_store, "test.IncomeDeclared", 6)
    await _append(event_store, "test.IncomeCorrected", 4)
    projection = DeclaredIncomes()
    runner = ProjectionRunner(engine, event_store, [projection], batch_size=4)
    head = await event_store.head_position()

    # when every projection is caught up, then this one rebuilt from zero
    assert await runner.catch_up_all() == 14
    assert await runner.checkpoint(DeclaredIncomes.name) == head
    caught_up = _handed(projection)
    report = await runner.rebuild(DeclaredIncomes.name)

    # then each path handed it the 6 declarations only, and moved its checkpoint to the head
    assert caught_up == ["test.IncomeDeclared"] * 6
    assert _handed(projection) == ["test.IncomeDeclared"] * 12
    assert (report.events_replayed, report.position) == (14, head)
    assert await runner.checkpoint(DeclaredIncomes.name) == head


class Undeclared(EventCount):
    """A projection that forgot to say what it handles."""

    name = "test.undeclared"
    handlers: Mapping[str, ProjectionHandler] = {}


def test_the_runner_refuses_a_projection_that_declares_no_types(
    engine: AsyncEngine, event_store: EventStore
) -> None:
    with pytest.raises(TypeError, match=r"test\.undeclared"):
        ProjectionRunner(engine, event_store, [Undeclared()])
