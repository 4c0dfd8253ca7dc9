"""The in-memory event store passes the event store's contract, at memory speed (ADR 0045)."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest

from shared.canonical import canonical_json
from shared.clock import CHINA, ManualClock
from shared.eventstore import RecordedEvent, StreamAppend
from shared.eventstore.memory import InMemoryEventStore
from shared.eventstore.store import NO_STREAM
from tests.shared.contract_event_store import EventStoreContract, Subject, an_event

PINNED = datetime(2027, 3, 10, 9, 30, tzinfo=CHINA)


class RowTampering:
    """Tampering with the in-memory store's rows, as SQL would with the events table."""

    def __init__(self, store: InMemoryEventStore) -> None:
        self.rows = store._streams  # the store's own rows: what an intruder would reach

    async def alter_data(self, stream_id: str, version: int, data: dict[str, Any]) -> None:
        """Replace the data of one stored event, leaving its hash as it was."""
        stream = self.rows[stream_id]
        stream[version - 1] = replace(stream[version - 1], data_json=canonical_json(data))

    async def delete(self, stream_id: str, version: int) -> None:
        """Remove one stored event from its stream (what `verify_stream` walks)."""
        del self.rows[stream_id][version - 1]

    async def swap(self, stream_id: str, first: int, second: int) -> None:
        """Exchange the places of two events of a stream (each keeps its stored version)."""
        stream = self.rows[stream_id]
        a, b = stream[first - 1], stream[second - 1]
        stream[first - 1] = replace(b, stream_version=first)
        stream[second - 1] = replace(a, stream_version=second)


class TestInMemoryEventStore(EventStoreContract):
    """The contract on the in-memory store."""

    @pytest.fixture
    def subject(self) -> Subject:
        """A fresh in-memory store on a pinned clock; no unit of work to open."""
        store = InMemoryEventStore(clock=ManualClock(PINNED))
        return Subject(store, nullcontext, RowTampering(store))


async def test_every_append_is_announced_and_recorded_when_the_clock_says() -> None:
    # given a store that tells a listener what it appended, on a pinned clock
    announced: list[list[RecordedEvent]] = []
    store = InMemoryEventStore(on_appended=announced.append, clock=ManualClock(PINNED))

    # when a stream is started and continued, with a connection that it ignores
    first = await store.append("case-1", [an_event(n=1)], NO_STREAM, conn=None)
    second = await store.append("case-1", [an_event(n=2)], 1)

    # then each append was announced with its recorded events, recorded at the clock's instant
    assert announced == [first, second]
    assert {e.recorded_at for e in await store.read_all()} == {PINNED}


async def test_an_event_id_is_stored_once_as_the_unique_index_has_it() -> None:
    # given a stream holding one event
    store = InMemoryEventStore(clock=ManualClock(PINNED))
    event = an_event(n=1)
    await store.append("case-1", [event], NO_STREAM)

    # when the same event is appended again, to another stream, alone or in bulk
    with pytest.raises(ValueError, match="event id"):
        await store.append("case-2", [an_event(n=2), event], NO_STREAM)
    with pytest.raises(ValueError, match="event id"):
        await store.append_many([StreamAppend("case-3", [event], NO_STREAM)])

    # then it is refused and nothing else of those batches was written
    assert await store.stream_ids() == ["case-1"] and await store.head_position() == 1
