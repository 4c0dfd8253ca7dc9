"""The event store against a real PostgreSQL: appends, conflicts, commit order, tamper evidence."""

from __future__ import annotations

import asyncio
import random
import uuid
from itertools import pairwise
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.db import migrate
from shared.domain.errors import AppendContended, ConcurrencyConflict
from shared.eventstore import (
    Actor,
    EventMetadata,
    EventStore,
    NewEvent,
    RecordedEvent,
    StreamAppend,
)
from shared.eventstore.schema import APPEND_LOCK_KEY, KERNEL_MIGRATIONS
from shared.eventstore.store import NO_STREAM
from tests.shared.integration.messaging_support import scalar
from tests.support import eventually

CLERK = Actor(id="clerk-007", role="township_clerk", org="城关镇人民政府", division="620102001")


def an_event(type_: str = "test.Happened", reason: str | None = None, **data: Any) -> NewEvent:
    """A new event with full audit metadata."""
    metadata = EventMetadata(actor=CLERK, channel="counter", reason=reason, case_id="case-1")
    return NewEvent(type=type_, data=data or {"n": 1}, metadata=metadata)


async def count_events(engine: AsyncEngine) -> int:
    """How many rows the events table holds."""
    async with engine.connect() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM events"))).scalar_one())


async def sql(engine: AsyncEngine, statement: str, **params: Any) -> None:
    """Run one statement in its own transaction (to tamper with stored rows)."""
    async with engine.begin() as conn:
        await conn.execute(text(statement), params)


@pytest.mark.req("GEN-1", "GEN-4")
async def test_appended_events_read_back_with_data_and_audit_metadata(
    event_store: EventStore,
) -> None:
    # given a new stream and two events in Chinese, with who / how / why
    submitted = an_event(
        "intake.ApplicationSubmitted", reason="本人申请", applicant="张三", address="兰州市城关区"
    )
    amended = an_event("intake.ApplicationAmended", reason="更正住址", address="兰州市七里河区")

    # when they are appended to a new stream
    recorded = await event_store.append("app-1", [submitted, amended], expected_version=NO_STREAM)

    # then reading the stream gives back exactly what was recorded, in version order
    read = await event_store.read_stream("app-1")
    assert read == recorded
    assert [e.stream_version for e in read] == [1, 2]
    assert read[0].data == {"applicant": "张三", "address": "兰州市城关区"}
    assert read[0].metadata.actor == CLERK
    assert (read[0].metadata.channel, read[0].metadata.reason) == ("counter", "本人申请")
    assert read[1].prev_hash == read[0].hash
    assert await event_store.stream_version("app-1") == 2


@pytest.mark.req("GEN-1")
async def test_read_all_follows_global_position_order(event_store: EventStore) -> None:
    # given events appended to two streams, interleaved
    first = await event_store.append("a", [an_event(n=1)], expected_version=NO_STREAM)
    second = await event_store.append("b", [an_event(n=2), an_event(n=3)], expected_version=0)
    third = await event_store.append("a", [an_event(n=4)], expected_version=1)
    appended = [e.event_id for e in first + second + third]

    # when the whole log is read, from the start and after a checkpoint
    everything = await event_store.read_all()
    after_two = await event_store.read_all(after_position=2, limit=1)

    # then positions are 1..4 in append order, and the checkpoint read resumes after position 2
    assert [e.event_id for e in everything] == appended
    assert [e.position for e in everything] == [1, 2, 3, 4]
    assert [e.position for e in after_two] == [3]
    assert await event_store.head_position() == 4


@pytest.mark.req("GEN-1")
@pytest.mark.parametrize("stale_version", [NO_STREAM, 2, 7])
async def test_append_at_a_stale_version_conflicts_and_writes_nothing(
    event_store: EventStore, engine: AsyncEngine, stale_version: int
) -> None:
    # given a stream at version 1
    await event_store.append("case-9", [an_event()], expected_version=NO_STREAM)
    before = await count_events(engine)

    # when a batch of three is appended at a version that is not current
    with pytest.raises(ConcurrencyConflict) as conflict:
        batch = [an_event(n=i) for i in range(3)]
        await event_store.append("case-9", batch, expected_version=stale_version)

    # then the conflict names both versions and not one of the three events was written
    assert (conflict.value.expected, conflict.value.actual) == (stale_version, 1)
    assert await count_events(engine) == before
    assert await event_store.stream_version("case-9") == 1


@pytest.mark.req("GEN-1")
async def test_concurrent_appends_at_the_same_version_exactly_one_wins(
    event_store: EventStore, engine: AsyncEngine
) -> None:
    # given a stream at version 1
    await event_store.append("case-7", [an_event()], expected_version=NO_STREAM)

    # when five writers append at version 1 at the same time
    outcomes = await asyncio.gather(
        *(event_store.append("case-7", [an_event(n=i)], expected_version=1) for i in range(5)),
        return_exceptions=True,
    )

    # then exactly one wins and the other four conflict
    winners = [o for o in outcomes if isinstance(o, list)]
    assert len(winners) == 1
    assert all(isinstance(o, ConcurrencyConflict) for o in outcomes if o not in winners)
    assert await event_store.stream_version("case-7") == 2
    assert await count_events(engine) == 2


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


@pytest.mark.req("GEN-1")
async def test_append_many_writes_every_stream_at_its_version_in_one_go(
    event_store: EventStore, engine: AsyncEngine
) -> None:
    # given one stream at version 1
    await event_store.append("case-x", [an_event(n=0)], expected_version=NO_STREAM)

    # when a bulk writer appends to it and to two new streams at once
    async with engine.begin() as conn:
        await event_store.append_many(
            [
                StreamAppend("case-y", [an_event(n=1), an_event(n=2)], NO_STREAM),
                StreamAppend("case-x", [an_event(n=3)], 1),
                StreamAppend("case-z", [an_event(n=4)], NO_STREAM),
            ],
            conn,
        )

    # then each stream continues its own chain, positions follow the batches' order
    read = await event_store.read_all()
    assert [(e.stream_id, e.stream_version, e.position) for e in read] == [
        ("case-x", 1, 1), ("case-y", 1, 2), ("case-y", 2, 3), ("case-x", 2, 4), ("case-z", 1, 5),
    ]  # fmt: skip
    for stream in ("case-x", "case-y", "case-z"):
        assert (await event_store.verify_stream(stream)).ok


@pytest.mark.req("GEN-1")
@pytest.mark.parametrize("stale", [NO_STREAM, 2])  # new (the unique index tells) or ahead
async def test_append_many_with_one_stale_version_writes_nothing(
    event_store: EventStore, engine: AsyncEngine, stale: int
) -> None:
    # given one stream at version 1
    await event_store.append("case-x", [an_event(n=0)], expected_version=NO_STREAM)

    # when a bulk writer expects another version of it, beside a genuinely new stream
    with pytest.raises(ConcurrencyConflict) as conflict:
        async with engine.begin() as conn:
            await event_store.append_many(
                [
                    StreamAppend("case-new", [an_event(n=1)], NO_STREAM),
                    StreamAppend("case-x", [an_event(n=2)], stale),
                ],
                conn,
            )

    # then the conflict names the stale stream and neither stream gained an event
    assert (conflict.value.stream_id, conflict.value.actual) == ("case-x", 1)
    assert await count_events(engine) == 1


@pytest.mark.req("GEN-5")
@pytest.mark.parametrize("known", ["right", "wrong", "unknown"])
async def test_append_many_chains_onto_the_real_head_whatever_hash_the_caller_knew(
    event_store: EventStore, engine: AsyncEngine, known: str
) -> None:
    # given a stream at version 1, and a caller who knows its head's hash, a wrong one, or none
    first = await event_store.append("case-x", [an_event(n=0)], expected_version=NO_STREAM)
    head_hash = {"right": first[0].hash, "wrong": "f" * 64, "unknown": None}[known]
    # when it appends at version 1 with that hash (hashed before the lock when it has one)
    async with engine.begin() as conn:
        appended = await event_store.append_many(
            [StreamAppend("case-x", [an_event(n=1)], 1, head_hash)], conn
        )
    # then the new event links to the real head, and the chain verifies
    assert appended[0].prev_hash == first[0].hash
    assert (await event_store.verify_stream("case-x")).ok


@pytest.mark.req("GEN-1")
async def test_stream_states_are_the_recorded_events_without_their_audit_envelope(
    event_store: EventStore,
) -> None:
    # given two streams, one of two events
    await event_store.append("case-a", [an_event(n=1), an_event(n=2)], expected_version=NO_STREAM)
    await event_store.append("case-b", [an_event(n=3)], expected_version=NO_STREAM)
    # when aggregates' states are read, with a stream that does not exist
    states = await event_store.read_stream_states(["case-b", "case-a", "case-none"])
    recorded = await event_store.read_streams(["case-a", "case-b"])
    # then each stream has its events' type, schema version, data and hash in version order
    assert set(states) == {"case-a", "case-b"}
    for stream, events in recorded.items():
        assert states[stream] == [(e.type, e.schema_version, e.data, e.hash) for e in events], (
            stream
        )


async def _three_event_stream(event_store: EventStore) -> None:
    events = [an_event(n=1), an_event(n=2), an_event(n=3)]
    await event_store.append("case-5", events, expected_version=NO_STREAM)
    assert (await event_store.verify_stream("case-5")).ok


@pytest.mark.req("GEN-5")
async def test_verification_names_an_altered_event(
    event_store: EventStore, engine: AsyncEngine
) -> None:
    # given an intact stream of three events
    await _three_event_stream(event_store)

    # when the data of version 2 is altered in place
    await sql(
        engine,
        "UPDATE events SET data = jsonb_set(data, '{n}', '200')"
        " WHERE stream_id = 'case-5' AND stream_version = 2",
    )

    # then verification names version 2
    verdict = await event_store.verify_stream("case-5")
    assert (verdict.ok, verdict.first_bad_version) == (False, 2)
    assert verdict.problem == "content does not match its hash"


@pytest.mark.req("GEN-5")
async def test_verification_names_a_deleted_event(
    event_store: EventStore, engine: AsyncEngine
) -> None:
    # given an intact stream of three events
    await _three_event_stream(event_store)

    # when the middle event is deleted
    await sql(engine, "DELETE FROM events WHERE stream_id = 'case-5' AND stream_version = 2")

    # then verification names version 2, where the gap is
    verdict = await event_store.verify_stream("case-5")
    assert (verdict.ok, verdict.first_bad_version) == (False, 2)
    assert verdict.checked == 1


@pytest.mark.req("GEN-5")
async def test_verification_detects_swapped_events(
    event_store: EventStore, engine: AsyncEngine
) -> None:
    # given an intact stream of three events
    await _three_event_stream(event_store)

    # when versions 2 and 3 swap places (through a spare version, for the unique constraint)
    where = "WHERE stream_id = 'case-5' AND stream_version"
    await sql(engine, f"UPDATE events SET stream_version = 1000 {where} = 2")
    await sql(engine, f"UPDATE events SET stream_version = 2 {where} = 3")
    await sql(engine, f"UPDATE events SET stream_version = 3 {where} = 1000")

    # then verification names version 2
    verdict = await event_store.verify_stream("case-5")
    assert (verdict.ok, verdict.first_bad_version) == (False, 2)


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
