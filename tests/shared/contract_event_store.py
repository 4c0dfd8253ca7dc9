"""The event store's contract: one suite that the PostgreSQL and the in-memory store both pass.

`EventStoreContract` holds the behaviour; each store's test module subclasses it and gives the
`subject` fixture (ADR 0045):

- tests/shared/integration/test_event_store.py — `TestPostgresEventStore`, on a fresh database,
  beside the PostgreSQL-only properties (transactions, commit order, the append lock);
- tests/shared/unit/test_in_memory_event_store.py — `TestInMemoryEventStore`, at memory speed.

A subject is the store, a unit of work to append in (a transaction, or nothing for the in-memory
store) and a way to tamper with stored events behind the store's back (SQL, or the store's rows).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ClassVar, Protocol

import pytest

from shared.application.repository import Repository
from shared.domain.aggregate import Aggregate
from shared.domain.errors import ConcurrencyConflict, NotFound
from shared.eventstore import Actor, EventMetadata, EventRegistry, NewEvent, StreamAppend
from shared.eventstore.hashing import GENESIS_HASH
from shared.eventstore.log import EventLog
from shared.eventstore.merkle import content_hash
from shared.eventstore.registry import event_type
from shared.eventstore.store import ANY_VERSION, NO_STREAM, recorded_to_raw

CLERK = Actor(id="clerk-007", role="township_clerk", org="城关镇人民政府", division="620102001")


def an_event(type_: str = "test.Happened", reason: str | None = None, **data: Any) -> NewEvent:
    """A new event with full audit metadata."""
    metadata = EventMetadata(actor=CLERK, channel="counter", reason=reason, case_id="case-1")
    return NewEvent(type=type_, data=data or {"n": 1}, metadata=metadata)


class Tampering(Protocol):
    """Changes to stored events made behind the store's back, as an intruder would."""

    async def alter_data(self, stream_id: str, version: int, data: dict[str, Any]) -> None:
        """Replace the data of one stored event, leaving its hash as it was."""

    async def delete(self, stream_id: str, version: int) -> None:
        """Remove one stored event."""

    async def swap(self, stream_id: str, first: int, second: int) -> None:
        """Exchange the places of two events of a stream."""


@dataclass(frozen=True)
class Subject:
    """A store under test, how to open a unit of work on it, and how to tamper with it."""

    store: EventLog
    # a transaction giving the `conn` to pass (the in-memory store: `nullcontext`, giving None)
    unit_of_work: Callable[[], AbstractAsyncContextManager[Any]]
    tampering: Tampering


async def count_events(store: EventLog) -> int:
    """How many events the store holds (they are numbered 1…n without a gap)."""
    return len(await store.read_all(0, 1_000_000))


@event_type("test.Counted", version=1)
@dataclass(frozen=True)
class Counted:
    """A toy aggregate's event, for the repository round trip."""

    counter_id: str
    by: int


class Counter(Aggregate):
    """A toy aggregate: a running total that never goes below zero."""

    stream_prefix = "counter"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.total = 0

    def add(self, by: int) -> None:
        """Add to the total."""
        if self.total + by < 0:
            raise ValueError("below zero")
        self.record(Counted(self.id, by))

    def when_Counted(self, event: Counted) -> None:
        self.total += event.by


def counters(store: EventLog) -> Repository[Counter, EventLog]:
    """A repository of counters over the store."""
    registry = EventRegistry()
    registry.register(Counted)
    return Repository(store, registry, Counter)


class EventStoreContract:
    """What every event store does. Subclasses give the `subject` fixture."""

    store_name: ClassVar[str]

    @pytest.fixture
    def store(self, subject: Subject) -> EventLog:
        """The store under test."""
        return subject.store

    @pytest.mark.req("GEN-1", "GEN-4")
    async def test_appended_events_read_back_with_data_and_audit_metadata(
        self, store: EventLog
    ) -> None:
        # given a new stream and two events in Chinese, with who / how / why
        submitted = an_event(
            "intake.ApplicationSubmitted",
            reason="本人申请",
            applicant="张三",
            address="兰州市城关区",
        )
        amended = an_event("intake.ApplicationAmended", reason="更正住址", address="兰州市七里河区")

        # when they are appended to a new stream
        recorded = await store.append("app-1", [submitted, amended], expected_version=NO_STREAM)

        # then reading the stream gives back exactly what was recorded, in version order
        read = await store.read_stream("app-1")
        assert read == recorded
        assert [e.stream_version for e in read] == [1, 2]
        assert read[0].data == {"applicant": "张三", "address": "兰州市城关区"}
        assert read[0].metadata.actor == CLERK
        assert (read[0].metadata.channel, read[0].metadata.reason) == ("counter", "本人申请")
        assert read[1].prev_hash == read[0].hash
        assert await store.stream_version("app-1") == 2

    @pytest.mark.req("GEN-1")
    async def test_reads_give_fresh_json_decoded_data_in_utc(self, store: EventLog) -> None:
        # given an event whose data holds a tuple and nested objects, dated in China time
        occurred = datetime.fromisoformat("2027-03-10T09:30:00+08:00")
        new = NewEvent("test.Happened", {"t": (1, 2), "o": {"b": "乙", "a": None}},
                       an_event().metadata, occurred_at=occurred)  # fmt: skip
        await store.append("case-j", [new], NO_STREAM)

        # when it is read, and the copy read is changed by its reader
        first = (await store.read_stream("case-j"))[0]
        first.data["o"]["b"] = "changed"

        # then data is what JSON gives back, instants are the same instants in UTC,
        # and a later read does not see the reader's change
        again = (await store.read_stream("case-j"))[0]
        assert again.data == {"t": [1, 2], "o": {"b": "乙", "a": None}}
        assert again.occurred_at == occurred and again.occurred_at.utcoffset() == timedelta(0)

    @pytest.mark.req("GEN-1")
    async def test_read_all_follows_global_position_order(self, store: EventLog) -> None:
        # given events appended to two streams, interleaved
        first = await store.append("a", [an_event(n=1)], expected_version=NO_STREAM)
        second = await store.append("b", [an_event(n=2), an_event(n=3)], expected_version=0)
        third = await store.append("a", [an_event(n=4)], expected_version=1)
        appended = [e.event_id for e in first + second + third]

        # when the whole log is read, from the start and after a checkpoint
        everything = await store.read_all()
        after_two = await store.read_all(after_position=2, limit=1)

        # then positions are 1..4 in append order, and the checkpoint read resumes after 2
        assert [e.event_id for e in everything] == appended
        assert [e.position for e in everything] == [1, 2, 3, 4]
        assert [e.position for e in after_two] == [3]
        assert await store.head_position() == 4

    @pytest.mark.req("GEN-1", "GEN-3")
    async def test_read_all_pages_through_the_log_from_checkpoint_to_checkpoint(
        self, store: EventLog
    ) -> None:
        # given seven events over three streams
        for n in range(7):
            await store.append(f"case-{n % 3}", [an_event(n=n)], ANY_VERSION)

        # when a reader follows `position > checkpoint` three events at a time
        pages, checkpoint = [], 0
        while page := await store.read_all(after_position=checkpoint, limit=3):
            pages.append([e.data["n"] for e in page])
            checkpoint = page[-1].position

        # then it sees every event once, in order, in pages of at most three, and stops at the head
        assert pages == [[0, 1, 2], [3, 4, 5], [6]]
        assert checkpoint == await store.head_position() == 7
        assert await store.read_all(after_position=7) == []
        assert await store.read_all(after_position=0, limit=0) == []

    @pytest.mark.req("GEN-1")
    async def test_each_stream_counts_its_own_versions_from_one(self, store: EventLog) -> None:
        # given three streams written in turn
        await store.append("case-a", [an_event(n=1), an_event(n=2)], NO_STREAM)
        await store.append("case-b", [an_event(n=3)], NO_STREAM)
        await store.append("case-a", [an_event(n=4)], 2)

        # then each stream's versions run 1..n while positions run across the store
        read = await store.read_all()
        assert [(e.stream_id, e.stream_version, e.position) for e in read] == [
            ("case-a", 1, 1), ("case-a", 2, 2), ("case-b", 1, 3), ("case-a", 3, 4),
        ]  # fmt: skip
        assert (await store.stream_version("case-a"), await store.stream_version("case-b")) == (
            3,
            1,
        )
        assert await store.stream_version("case-none") == 0
        assert await store.read_stream("case-none") == []
        assert await store.stream_ids() == ["case-a", "case-b"]

    @pytest.mark.req("GEN-1")
    @pytest.mark.parametrize("stale_version", [NO_STREAM, 2, 7])
    async def test_append_at_a_stale_version_conflicts_and_writes_nothing(
        self, store: EventLog, stale_version: int
    ) -> None:
        # given a stream at version 1
        await store.append("case-9", [an_event()], expected_version=NO_STREAM)
        before = await count_events(store)

        # when a batch of three is appended at a version that is not current
        with pytest.raises(ConcurrencyConflict) as conflict:
            batch = [an_event(n=i) for i in range(3)]
            await store.append("case-9", batch, expected_version=stale_version)

        # then the conflict names both versions and not one of the three events was written
        assert (conflict.value.expected, conflict.value.actual) == (stale_version, 1)
        assert await count_events(store) == before
        assert await store.stream_version("case-9") == 1

    @pytest.mark.req("GEN-1")
    async def test_any_version_appends_at_the_head_and_an_empty_batch_writes_nothing(
        self, store: EventLog
    ) -> None:
        # given a stream at version 1
        await store.append("case-6", [an_event(n=1)], NO_STREAM)
        # when a batch is appended at any version, and an empty one at a wrong version
        appended = await store.append("case-6", [an_event(n=2)], ANY_VERSION)
        nothing = await store.append("case-6", [], 5)
        # then the first lands at version 2, the second writes nothing and does not conflict
        assert [e.stream_version for e in appended] == [2]
        assert nothing == [] and await count_events(store) == 2

    @pytest.mark.req("GEN-1")
    async def test_concurrent_appends_at_the_same_version_exactly_one_wins(
        self, store: EventLog
    ) -> None:
        # given a stream at version 1
        await store.append("case-7", [an_event()], expected_version=NO_STREAM)

        # when five writers append at version 1 at the same time
        outcomes = await asyncio.gather(
            *(store.append("case-7", [an_event(n=i)], expected_version=1) for i in range(5)),
            return_exceptions=True,
        )

        # then exactly one wins and the other four conflict
        winners = [o for o in outcomes if isinstance(o, list)]
        assert len(winners) == 1
        assert all(isinstance(o, ConcurrencyConflict) for o in outcomes if o not in winners)
        assert await store.stream_version("case-7") == 2
        assert await count_events(store) == 2

    @pytest.mark.req("GEN-1")
    async def test_append_many_writes_every_stream_at_its_version_in_one_go(
        self, subject: Subject, store: EventLog
    ) -> None:
        # given one stream at version 1
        await store.append("case-x", [an_event(n=0)], expected_version=NO_STREAM)

        # when a bulk writer appends to it and to two new streams at once
        async with subject.unit_of_work() as conn:
            await store.append_many(
                [
                    StreamAppend("case-y", [an_event(n=1), an_event(n=2)], NO_STREAM),
                    StreamAppend("case-x", [an_event(n=3)], 1),
                    StreamAppend("case-z", [an_event(n=4)], NO_STREAM),
                ],
                conn,
            )

        # then each stream continues its own chain, positions follow the batches' order
        read = await store.read_all()
        assert [(e.stream_id, e.stream_version, e.position) for e in read] == [
            ("case-x", 1, 1), ("case-y", 1, 2), ("case-y", 2, 3), ("case-x", 2, 4),
            ("case-z", 1, 5),
        ]  # fmt: skip
        for stream in ("case-x", "case-y", "case-z"):
            assert (await store.verify_stream(stream)).ok

    @pytest.mark.req("GEN-1")
    @pytest.mark.parametrize("stale", [NO_STREAM, 2])  # new (the unique index tells) or ahead
    async def test_append_many_with_one_stale_version_writes_nothing(
        self, subject: Subject, store: EventLog, stale: int
    ) -> None:
        # given one stream at version 1
        await store.append("case-x", [an_event(n=0)], expected_version=NO_STREAM)

        # when a bulk writer expects another version of it, beside a genuinely new stream
        with pytest.raises(ConcurrencyConflict) as conflict:
            async with subject.unit_of_work() as conn:
                await store.append_many(
                    [
                        StreamAppend("case-new", [an_event(n=1)], NO_STREAM),
                        StreamAppend("case-x", [an_event(n=2)], stale),
                    ],
                    conn,
                )

        # then the conflict names the stale stream and neither stream gained an event
        assert (conflict.value.stream_id, conflict.value.actual) == ("case-x", 1)
        assert await count_events(store) == 1
        assert await store.stream_version("case-new") == 0

    @pytest.mark.req("GEN-5")
    @pytest.mark.parametrize("known", ["right", "wrong", "unknown"])
    async def test_append_many_chains_onto_the_real_head_whatever_hash_the_caller_knew(
        self, subject: Subject, store: EventLog, known: str
    ) -> None:
        # given a stream at version 1, and a caller who knows its head's hash, a wrong one, or none
        first = await store.append("case-x", [an_event(n=0)], expected_version=NO_STREAM)
        head_hash = {"right": first[0].hash, "wrong": "f" * 64, "unknown": None}[known]
        # when it appends at version 1 with that hash (hashed before the lock when it has one)
        async with subject.unit_of_work() as conn:
            appended = await store.append_many(
                [StreamAppend("case-x", [an_event(n=1)], 1, head_hash)], conn
            )
        # then the new event links to the real head, and the chain verifies
        assert appended[0].prev_hash == first[0].hash
        assert (await store.verify_stream("case-x")).ok

    @pytest.mark.req("GEN-1")
    async def test_stream_states_are_the_recorded_events_without_their_audit_envelope(
        self, store: EventLog
    ) -> None:
        # given two streams, one of two events
        await store.append("case-a", [an_event(n=1), an_event(n=2)], expected_version=NO_STREAM)
        await store.append("case-b", [an_event(n=3)], expected_version=NO_STREAM)
        # when aggregates' states are read, with a stream that does not exist
        states = await store.read_stream_states(["case-b", "case-a", "case-none"])
        recorded = await store.read_streams(["case-a", "case-b", "case-none"])
        # then each stream has its events' type, schema version, data and hash in version order
        assert set(states) == set(recorded) == {"case-a", "case-b"}
        for stream, events in recorded.items():
            assert states[stream] == [(e.type, e.schema_version, e.data, e.hash) for e in events]

    @pytest.mark.req("GEN-1")
    async def test_existing_streams_names_those_holding_an_event(self, store: EventLog) -> None:
        # given a stream of two events and one of one
        await store.append("case-a", [an_event(n=1), an_event(n=2)], expected_version=NO_STREAM)
        await store.append("case-b", [an_event(n=3)], expected_version=NO_STREAM)
        # when asked which of four streams exist, one of them twice
        wanted = ["case-none", "case-a", "case-b", "case-a", "payment-case-a"]
        # then the two that hold events, once each; nothing for nothing asked
        assert await store.existing_streams(wanted) == {"case-a", "case-b"}
        assert await store.existing_streams([]) == set()

    @pytest.mark.req("GEN-5")
    async def test_each_hash_covers_the_previous_hash_and_the_canonical_event(
        self, store: EventLog
    ) -> None:
        # given a stream of three events
        await store.append("case-h", [an_event(n=1), an_event(n=2)], NO_STREAM)
        await store.append("case-h", [an_event(n=3)], 2)
        read = await store.read_stream("case-h")
        # then the chain starts at the genesis hash, each event links to the one before, and
        # each hash is what the kernel's hashing computes from the event as read back
        assert [e.prev_hash for e in read] == [GENESIS_HASH, read[0].hash, read[1].hash]
        assert [content_hash(recorded_to_raw(e)) for e in read] == [e.hash for e in read]
        verdict = await store.verify_stream("case-h")
        assert (verdict.ok, verdict.checked) == (True, 3)
        assert (await store.verify_stream("case-none")).checked == 0

    async def _three_event_stream(self, store: EventLog) -> None:
        events = [an_event(n=1), an_event(n=2), an_event(n=3)]
        await store.append("case-5", events, expected_version=NO_STREAM)
        assert (await store.verify_stream("case-5")).ok

    @pytest.mark.req("GEN-5")
    async def test_verification_names_an_altered_event(self, subject: Subject) -> None:
        # given an intact stream of three events
        await self._three_event_stream(subject.store)

        # when the data of version 2 is altered in place
        await subject.tampering.alter_data("case-5", 2, {"n": 200})

        # then verification names version 2
        verdict = await subject.store.verify_stream("case-5")
        assert (verdict.ok, verdict.first_bad_version) == (False, 2)
        assert verdict.problem == "content does not match its hash"

    @pytest.mark.req("GEN-5")
    async def test_verification_names_a_deleted_event(self, subject: Subject) -> None:
        # given an intact stream of three events
        await self._three_event_stream(subject.store)

        # when the middle event is deleted
        await subject.tampering.delete("case-5", 2)

        # then verification names version 2, where the gap is
        verdict = await subject.store.verify_stream("case-5")
        assert (verdict.ok, verdict.first_bad_version) == (False, 2)
        assert verdict.checked == 1

    @pytest.mark.req("GEN-5")
    async def test_verification_detects_swapped_events(self, subject: Subject) -> None:
        # given an intact stream of three events
        await self._three_event_stream(subject.store)

        # when versions 2 and 3 swap places
        await subject.tampering.swap("case-5", 2, 3)

        # then verification names version 2
        verdict = await subject.store.verify_stream("case-5")
        assert (verdict.ok, verdict.first_bad_version) == (False, 2)

    @pytest.mark.req("GEN-1")
    async def test_a_repository_saves_and_rebuilds_an_aggregate_and_refuses_a_stale_one(
        self, store: EventLog
    ) -> None:
        # given a counter saved with two changes
        repository = counters(store)
        counter = Counter("c1")
        counter.add(5)
        counter.add(-2)
        await repository.save(counter, an_event().metadata, None)

        # when it is loaded twice, and both copies change it
        mine, theirs = await repository.get("c1"), await repository.get("c1")
        mine.add(1)
        theirs.add(10)
        await repository.save(mine, an_event().metadata, None)

        # then the first save wins, the second conflicts, and a reload shows the first only
        with pytest.raises(ConcurrencyConflict):
            await repository.save(theirs, an_event().metadata, None)
        reloaded = await repository.get("c1")
        assert (reloaded.total, reloaded.version) == (4, 3)
        assert reloaded.head_hash == (await store.read_stream("counter-c1"))[-1].hash
        with pytest.raises(NotFound):
            await repository.get("c2")

    @pytest.mark.req("GEN-1")
    async def test_a_repository_saves_many_aggregates_at_their_versions(
        self, subject: Subject, store: EventLog
    ) -> None:
        # given one saved counter and one new
        repository = counters(store)
        old = Counter("old")
        old.add(1)
        await repository.save(old, an_event().metadata, None)
        old, new = await repository.get("old"), Counter("new")
        old.add(2)
        new.add(3)

        # when both are saved in one bulk append
        async with subject.unit_of_work() as conn:
            await repository.save_many(
                [(old, an_event().metadata), (new, an_event().metadata)], conn
            )

        # then each continues its own stream, and the instances know their new heads
        assert [(c.version, c.pending) for c in (old, new)] == [(2, []), (1, [])]
        for counter in (old, new):
            stream = await store.read_stream(counter.stream_id)
            assert counter.head_hash == stream[-1].hash
            assert (await store.verify_stream(counter.stream_id)).ok
        assert (await repository.get("old")).total == 3
