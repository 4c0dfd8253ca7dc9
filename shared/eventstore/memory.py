"""An event store in the process's memory, for unit tests at memory speed (ADR 0045).

It behaves as the PostgreSQL `EventStore` does for one writer at a time: optimistic appends with
`ConcurrencyConflict`, per-stream versions from 1, gap-free global positions from 1, the same
hash chain (hashed by the kernel's own `chain`, checked by its own `verify_chain`), and events read
back as PostgreSQL gives them: data and metadata decoded afresh from the canonical JSON text that
was hashed, instants in UTC. tests/shared/contract_event_store.py runs one suite on both stores.

There are no transactions: the `conn` parameters are accepted for the same calls to type-check
and are ignored (pass None). Each append is visible at once and never rolled back, its events
get their final positions (PostgreSQL hands out temporary negative ones inside a wider unit of
work), and `AppendContended` never happens. A unit of work that must be all or nothing across
several appends is a matter for the PostgreSQL tests.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from shared.clock import Clock, SystemClock
from shared.db import Connection
from shared.domain.errors import ConcurrencyConflict
from shared.eventstore.append import ChainedBatch, chain
from shared.eventstore.envelope import EventMetadata, NewEvent, RecordedEvent, StoredState
from shared.eventstore.log import EventLog
from shared.eventstore.store import (
    StreamAppend,
    StreamVerification,
    recorded_to_raw,
    verify_chain,
)
from shared.tracing import current_traceparent


@dataclass(frozen=True)
class _Row:
    """An event as a row of the events table: the canonical texts that were hashed and stored."""

    position: int
    event_id: uuid.UUID
    stream_id: str
    stream_version: int
    type: str
    schema_version: int
    occurred_at: datetime
    recorded_at: datetime
    data_json: str
    metadata_json: str
    prev_hash: str
    hash: str

    def recorded(self) -> RecordedEvent:
        """The row as read back: fresh data and metadata decoded from the stored text."""
        return RecordedEvent(
            event_id=self.event_id,
            type=self.type,
            schema_version=self.schema_version,
            stream_id=self.stream_id,
            stream_version=self.stream_version,
            position=self.position,
            occurred_at=self.occurred_at,
            recorded_at=self.recorded_at,
            data=json.loads(self.data_json),
            metadata=EventMetadata.from_dict(json.loads(self.metadata_json)),
            prev_hash=self.prev_hash,
            hash=self.hash,
        )

    def state(self) -> StoredState:
        """What rebuilding an aggregate needs: the audit metadata is not decoded."""
        return StoredState(self.type, self.schema_version, json.loads(self.data_json), self.hash)


class InMemoryEventStore:
    """One service's event log held in lists: the PostgreSQL store's behaviour, without a server.

    Satisfies `shared.eventstore.log.EventLog`, so a `Repository` takes it as it takes the
    PostgreSQL store.
    """

    def __init__(
        self,
        on_appended: Callable[[list[RecordedEvent]], None] | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.on_appended = on_appended
        self.clock: Clock = clock or SystemClock()
        self._log: list[_Row] = []  # position p is self._log[p - 1]
        self._streams: dict[str, list[_Row]] = {}
        self._event_ids: set[uuid.UUID] = set()

    async def append(
        self,
        stream_id: str,
        new_events: Sequence[NewEvent],
        expected_version: int | None,
        conn: Connection | None = None,
    ) -> list[RecordedEvent]:
        """Append a batch at `expected_version` (None: any, 0: new stream); all or nothing.

        `conn` is ignored: the append is visible at once (see the module's docstring).
        """
        if not new_events:
            return []
        self._check_head(stream_id, expected_version)
        self._check_new_ids(new_events)
        recorded = self._write([self._chained(stream_id, new_events, self.clock.now())])
        if self.on_appended:
            self.on_appended(recorded)
        return recorded

    async def append_many(
        self, batches: Sequence[StreamAppend], conn: Connection | None = None
    ) -> list[RecordedEvent]:
        """Append to many streams, each at its expected version; all or nothing.

        Every head is checked before anything is written; a batch is chained onto the real head
        whatever `head_hash` its caller knew. `conn` is ignored.
        """
        batches = [b for b in batches if b.events]
        if not batches:
            return []
        for b in batches:
            self._check_head(b.stream_id, b.expected_version)
        if len({b.stream_id for b in batches}) < len(batches):
            # in PostgreSQL the second batch would meet the first in the unique index
            raise ValueError("append_many was given the same stream twice")
        self._check_new_ids([e for b in batches for e in b.events])
        recorded_at = self.clock.now()
        recorded = self._write([self._chained(b.stream_id, b.events, recorded_at) for b in batches])
        if self.on_appended:
            self.on_appended(recorded)
        return recorded

    def _check_head(self, stream_id: str, expected_version: int | None) -> None:
        version = len(self._streams.get(stream_id, ()))
        if expected_version is not None and expected_version != version:
            raise ConcurrencyConflict(stream_id, expected_version, version)

    def _check_new_ids(self, new_events: Sequence[NewEvent]) -> None:
        """Refuse an event id already stored or given twice (PostgreSQL's unique index)."""
        ids = {e.event_id for e in new_events}
        if len(ids) < len(new_events) or not ids.isdisjoint(self._event_ids):
            raise ValueError("an event id is already in the store or twice in the batch")

    def _chained(
        self, stream_id: str, new_events: Sequence[NewEvent], recorded_at: datetime
    ) -> ChainedBatch:
        """The batch hashed onto the stream's head by the kernel's own `chain`."""
        stream = self._streams.get(stream_id)
        head = stream[-1] if stream else None
        version, prev_hash = (head.stream_version, head.hash) if head else (None, None)
        return chain(stream_id, new_events, version, prev_hash, recorded_at, current_traceparent())

    def _write(self, batches: Sequence[ChainedBatch]) -> list[RecordedEvent]:
        """Keep the batches' rows after the highest position; the batches as recorded."""
        recorded: list[RecordedEvent] = []
        for batch in batches:
            first = len(self._log) + 1
            positions = range(first, first + len(batch.events))
            rows = [_row_of(batch, i, position) for i, position in enumerate(positions)]
            self._log += rows
            self._streams.setdefault(batch.stream_id, []).extend(rows)
            self._event_ids.update(row.event_id for row in rows)
            recorded += batch.recorded(positions)
        return recorded

    async def stream_version(self, stream_id: str) -> int:
        """The version of a stream: the number of its events, 0 when it does not exist."""
        return len(self._streams.get(stream_id, ()))

    async def existing_streams(
        self, stream_ids: Sequence[str], conn: Connection | None = None
    ) -> set[str]:
        """Those of the streams that hold an event."""
        return {s for s in stream_ids if s in self._streams}

    async def read_stream(
        self, stream_id: str, conn: Connection | None = None
    ) -> list[RecordedEvent]:
        """Every event of a stream, in version order."""
        return [row.recorded() for row in self._streams.get(stream_id, ())]

    async def read_streams(
        self, stream_ids: Sequence[str], conn: Connection | None = None
    ) -> dict[str, list[RecordedEvent]]:
        """Every event of each stream, in version order, keyed by stream id (absent when empty)."""
        return {s: await self.read_stream(s) for s in sorted(set(stream_ids)) if s in self._streams}

    async def read_stream_states(
        self, stream_ids: Sequence[str], conn: Connection | None = None
    ) -> dict[str, list[StoredState]]:
        """Each stream's events as aggregates are rebuilt from them, in version order."""
        return {
            s: [row.state() for row in self._streams[s]]
            for s in sorted(set(stream_ids))
            if s in self._streams
        }

    async def read_all(self, after_position: int = 0, limit: int = 500) -> list[RecordedEvent]:
        """Events after a global position, in position order."""
        if limit < 0:
            raise ValueError("LIMIT must not be negative")  # what PostgreSQL answers
        start = max(after_position, 0)
        return [row.recorded() for row in self._log[start : start + limit]]

    async def head_position(self) -> int:
        """The highest global position written so far (0 for an empty store)."""
        return len(self._log)

    async def stream_ids(self) -> list[str]:
        """Every stream id in the store."""
        return sorted(self._streams)

    async def verify_stream(self, stream_id: str) -> StreamVerification:
        """Re-walk a stream's chain; name the first altered, deleted, inserted or moved event."""
        rows = [recorded_to_raw(row.recorded()) for row in self._streams.get(stream_id, ())]
        return verify_chain(stream_id, rows)


def _row_of(batch: ChainedBatch, index: int, position: int) -> _Row:
    """The `index`th event of a chained batch as stored at `position`."""
    new = batch.events[index]
    return _Row(
        position=position,
        event_id=new.event_id,
        stream_id=batch.stream_id,
        stream_version=batch.base_version + index + 1,
        type=new.type,
        schema_version=new.schema_version,
        occurred_at=(new.occurred_at or batch.recorded_at).astimezone(UTC),
        recorded_at=batch.recorded_at.astimezone(UTC),
        data_json=batch.data_json[index],
        metadata_json=batch.metadata_json[index],
        prev_hash=batch.prev_hashes[index],
        hash=batch.hashes[index],
    )


_IS_AN_EVENT_LOG: type[EventLog] = InMemoryEventStore  # mypy holds it to the protocol
