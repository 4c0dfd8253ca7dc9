"""The event store against a real PostgreSQL: the event store's contract (shared with the
in-memory store, tests/shared/contract_event_store.py), and what only PostgreSQL has to show:
units of work and commit order, the append lock, migrations, and that the in-memory store
records exactly what PostgreSQL records (ADR 0045)."""

from __future__ import annotations

import asyncio
import random
import uuid
from datetime import datetime
from itertools import pairwise
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.canonical import canonical_json
from shared.clock import CHINA, ManualClock
from shared.db import migrate
from shared.domain.errors import AppendContended, ConcurrencyConflict
from shared.eventstore import EventStore, RecordedEvent, StreamAppend
from shared.eventstore.memory import InMemoryEventStore
from shared.eventstore.schema import APPEND_LOCK_KEY, KERNEL_MIGRATIONS
from shared.eventstore.store import NO_STREAM
from tests.shared.contract_event_store import EventStoreContract, Subject, an_event
from tests.shared.integration.messaging_support import scalar
from tests.support import eventually


async def count_events(engine: AsyncEngine) -> int:
    """How many rows the events table holds."""
    async with engine.connect() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM events"))).scalar_one())


async def sql(engine: AsyncEngine, statement: str, **params: Any) -> None:
    """Run one statement in its own transaction (to tamper with stored rows)."""
    async with engine.begin() as conn:
        await conn.execute(text(statement), params)


class SqlTampering:
    """Tampering with the events table in SQL, behind the store's back."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def alter_data(self, stream_id: str, version: int, data: dict[str, Any]) -> None:
        """Replace the data of one stored event, leaving its hash as it was."""
        await sql(
            self.engine,
            "UPDATE events SET data = CAST(:data AS jsonb) WHERE stream_id = :s"
            " AND stream_version = :v",
            data=canonical_json(data), s=stream_id, v=version,
        )  # fmt: skip

    async def delete(self, stream_id: str, version: int) -> None:
        """Remove one stored event."""
        await sql(
            self.engine,
            "DELETE FROM events WHERE stream_id = :s AND stream_version = :v",
            s=stream_id, v=version,
        )  # fmt: skip

    async def swap(self, stream_id: str, first: int, second: int) -> None:
        """Exchange the places of two events (through a spare version, for the unique index)."""
        where = "WHERE stream_id = :s AND stream_version = :v"
        for old, new in ((first, 1_000_000), (second, first), (1_000_000, second)):
            await sql(self.engine, f"UPDATE events SET stream_version = :new {where}",
                      new=new, s=stream_id, v=old)  # fmt: skip


class TestPostgresEventStore(EventStoreContract):
    """The contract on PostgreSQL, each test on a fresh database."""

    @pytest.fixture
    def subject(self, event_store: EventStore, engine: AsyncEngine) -> Subject:
        """The store on a fresh database; a unit of work is a transaction on its engine."""
        return Subject(event_store, engine.begin, SqlTampering(engine))


@pytest.mark.req("GEN-1", "GEN-5")
async def test_the_in_memory_store_records_exactly_what_postgresql_records(
    engine: AsyncEngine,
) -> None:
    # given the PostgreSQL store and the in-memory one, on clocks pinned to the same instant
    pinned = datetime(2027, 3, 10, 9, 30, tzinfo=CHINA)
    stores = (
        EventStore(engine, clock=ManualClock(pinned)),
        InMemoryEventStore(clock=ManualClock(pinned)),
    )
    started = [an_event("test.Opened", reason="受理", n=1, who="张三"), an_event(n=2)]
    continued = [
        StreamAppend("case-1", [an_event(n=3)], 2),
        StreamAppend("case-2", [an_event(n=4), an_event("test.Closed", reason="办结", n=5)], 0),
    ]

    # when the same events are appended to both, one by one and in bulk
    for store in stores:
        await store.append("case-1", started, NO_STREAM)
        async with engine.begin() as conn:
            await store.append_many(continued, conn)

    # then both hold the same log: positions, versions, data, metadata and every hash alike,
    # and each verifies its chains
    postgres, memory = stores
    assert await postgres.read_all() == await memory.read_all()
    assert len(await memory.read_all()) == 5
    streams = ["case-1", "case-2"]
    assert await postgres.read_stream_states(streams) == await memory.read_stream_states(streams)
    for stream in streams:
        assert await postgres.verify_stream(stream) == await memory.verify_stream(stream)
        assert (await memory.verify_stream(stream)).ok


@pytest.mark.req("GEN-1")
async def test_concurrent_appends_inside_wider_transactions_exactly_one_wins(
    event_store: EventStore, engine: AsyncEngine
) -> None:
    # given a stream at version 1
    await event_store.append("case-8", [an_event()], expected_version=NO_STREAM)

    # when five units of work append at version 1, each holding its transaction open a moment
    async def unit_of_work(n: int) -> list[RecordedEvent]:
        async with engine.begin() as conn:
            recorded = await event_store.append("case-8", [an_event(n=n)], 1, conn=conn)
            await asyncio.sleep(0.01)  # still open: the others meet its row in the unique index
            return recorded

    outcomes = await asyncio.gather(*(unit_of_work(i) for i in range(5)), return_exceptions=True)

    # then exactly one wins, the others conflict naming the version now current
    winners = [o for o in outcomes if isinstance(o, list)]
    losers = [o for o in outcomes if isinstance(o, ConcurrencyConflict)]
    assert (len(winners), len(losers)) == (1, 4), outcomes
    assert all(loser.actual == 2 for loser in losers)
    assert await count_events(engine) == 2
    assert [e.position for e in await event_store.read_all()] == [1, 2]


@pytest.mark.req("GEN-3")
async def test_units_of_work_get_gap_free_positions_in_commit_order(
    event_store: EventStore, engine: AsyncEngine
) -> None:
    # given a unit of work that appends to two streams, then commits after another one
    async with engine.begin() as first:
        await event_store.append("case-a", [an_event(n=1), an_event(n=2)], NO_STREAM, conn=first)
        async with engine.begin() as second:
            await event_store.append("case-b", [an_event(n=3)], NO_STREAM, conn=second)
        await event_store.append("case-c", [an_event(n=4)], NO_STREAM, conn=first)
    # and one that rolls back
    with pytest.raises(RuntimeError):
        async with engine.begin() as aborted:
            await event_store.append("case-d", [an_event(n=5)], NO_STREAM, conn=aborted)
            raise RuntimeError("the unit of work fails after its append")
    await event_store.append("case-e", [an_event(n=6)], NO_STREAM)

    # then positions follow commit order, insertion order within a transaction, with no gap
    read = await event_store.read_all()
    assert [(e.position, e.data["n"]) for e in read] == [(1, 3), (2, 1), (3, 2), (4, 4), (5, 6)]


@pytest.mark.req("GEN-3")
@pytest.mark.slow
@pytest.mark.parametrize(
    "numbered", ["at commit", "under the lock"], ids=["at-commit", "under-lock"]
)
async def test_a_checkpoint_reader_never_skips_events_of_late_committing_transactions(
    event_store: EventStore, engine: AsyncEngine, numbered: str
) -> None:
    # given 8 writers, each appending 40 events in transactions held open 0-50 ms after the append
    # (with an expected version positions are given at commit; with any version, under the lock)
    writers, appends_each = 8, 40
    appended: set[uuid.UUID] = set()
    rng = random.Random(20170328)
    done = asyncio.Event()

    async def writer(number: int) -> None:
        for version in range(appends_each):
            async with engine.begin() as conn:
                expected = version if numbered == "at commit" else None
                recorded = await event_store.append(
                    f"case-{number}", [an_event(n=version)], expected_version=expected, conn=conn
                )
                await asyncio.sleep(rng.uniform(0, 0.05))  # a slow transaction, still open
            appended.update(e.event_id for e in recorded)

    # and a reader that follows `position > checkpoint`, as the relay does
    seen: list[RecordedEvent] = []

    async def reader() -> None:
        checkpoint = 0
        while True:
            finished = done.is_set()  # read once more after the last commit, then stop
            batch = await event_store.read_all(after_position=checkpoint)
            seen.extend(batch)
            checkpoint = batch[-1].position if batch else checkpoint
            if finished and not batch:
                return
            if not batch:
                await asyncio.sleep(0.002)

    # when they all run at once
    reading = asyncio.create_task(reader())
    await asyncio.gather(*(writer(n) for n in range(writers)))
    done.set()
    await reading

    # then the reader saw every event exactly once, in strictly increasing positions
    seen_ids = [e.event_id for e in seen]
    assert len(appended) == writers * appends_each
    assert len(seen_ids) == len(set(seen_ids)), "an event was read twice"
    assert set(seen_ids) == appended, f"{len(appended - set(seen_ids))} events were skipped"
    assert all(a.position < b.position for a, b in pairwise(seen))


async def test_migrations_are_idempotent(engine: AsyncEngine) -> None:
    # given a database the kernel migrations were applied to (by the fixture)
    # when they are applied again
    applied = await migrate(engine, KERNEL_MIGRATIONS)

    # then nothing is applied twice
    assert applied == []


async def waits_for_the_append_lock(engine: AsyncEngine) -> bool:
    """True when some session waits for the append lock (a COMMIT numbering its events)."""
    waiting = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
    return bool(await scalar(engine, f"{waiting} AND objid = :k", k=APPEND_LOCK_KEY))


@pytest.mark.req("GEN-1", "GEN-3")
@pytest.mark.parametrize("writer", ["bulk", "under-lock"])
async def test_a_writer_holding_the_append_lock_gives_way_to_a_committing_unit_of_work(
    event_store: EventStore, engine: AsyncEngine, writer: str
) -> None:
    # given a unit of work that appended to a new stream and is committing (numbered at commit),
    # and a writer that holds the append lock, so the commit waits for it
    async with engine.connect() as committing, engine.connect() as holder:
        await committing.begin()
        await event_store.append("case-q", [an_event(n=1)], NO_STREAM, conn=committing)
        await holder.begin()
        await holder.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": APPEND_LOCK_KEY})
        commit = asyncio.create_task(committing.commit())
        await eventually(lambda: waits_for_the_append_lock(engine), message="commit not waiting")

        # when the lock holder appends to the same stream (it would wait for the committing
        # unit of work, which waits for it: a deadlock)
        with pytest.raises(AppendContended):
            if writer == "bulk":
                await event_store.append_many(
                    [StreamAppend("case-q", [an_event(n=2)], NO_STREAM)], holder
                )
            else:
                await event_store.append("case-q", [an_event(n=2)], None, conn=holder)
        await holder.rollback()
        await commit

    # then the holder gave way with nothing written, and the committing unit of work committed
    assert [e.data["n"] for e in await event_store.read_stream("case-q")] == [1]
    assert [e.position for e in await event_store.read_all()] == [1]
