"""The PostgreSQL event store: optimistic appends, hash-chained streams, a gap-free global log.

Global positions are assigned under a transaction-scoped advisory lock held until the commit is
visible, so positions become visible in commit order: a reader that follows
`position > checkpoint` can never pass over a row whose transaction commits late (ADR 0002). An
append inside a wider unit of work is numbered inside its COMMIT by a deferred trigger, so the
lock is never held across a client round trip (ADR 0010).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import asyncpg
from sqlalchemy import func, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.clock import Clock, SystemClock
from shared.db import Connection, driver_in_transaction
from shared.domain.errors import AppendContended, ConcurrencyConflict
from shared.eventstore.append import (
    EXISTING,
    HEAD,
    HEADS,
    HOLDER_LOCK_TIMEOUT,
    INSERT_IF_HEAD,
    INSERT_MANY,
    INSERT_PENDING_IF_HEAD,
    LOCK,
    LOCK_AND_HEAD,
    STREAM_VERSION_UNIQUE,
    ChainedBatch,
    chain,
    many_insert_args,
)
from shared.eventstore.envelope import (
    EventMetadata,
    NewEvent,
    RecordedEvent,
    StoredState,
)
from shared.eventstore.hashing import GENESIS_HASH
from shared.eventstore.merkle import content_hash
from shared.eventstore.schema import APPEND_LOCK_KEY, events
from shared.tracing import current_traceparent

ANY_VERSION = None
NO_STREAM = 0


@dataclass(frozen=True)
class StreamVerification:
    """The result of re-walking a stream's hash chain: the first bad version, if any, and why."""

    stream_id: str
    checked: int
    first_bad_version: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        """True when every event links to its predecessor and hashes to its recorded hash."""
        return self.first_bad_version is None


T = TypeVar("T")


@dataclass(frozen=True)
class StreamAppend:
    """A batch for one stream at an expected version (0: a new stream), for `append_many`."""

    stream_id: str
    events: Sequence[NewEvent]
    expected_version: int
    head_hash: str | None = None  # the head's hash when known: then chained before the lock


class EventStore:
    """Appends to and reads from one service's event log."""

    def __init__(
        self,
        engine: AsyncEngine,
        on_appended: Callable[[list[RecordedEvent]], None] | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.engine = engine
        self.on_appended = on_appended
        self.clock: Clock = clock or SystemClock()

    @asynccontextmanager
    async def _connection(self, conn: Connection | None) -> AsyncIterator[Connection]:
        if conn is not None:
            yield conn
            return
        async with self.engine.begin() as own:
            yield own

    async def append(
        self,
        stream_id: str,
        new_events: Sequence[NewEvent],
        expected_version: int | None,
        conn: Connection | None = None,
    ) -> list[RecordedEvent]:
        """Append a batch at `expected_version` (None: any, 0: new stream); all or nothing.

        Pass `conn` to append inside a wider transaction (an inbox entry, an idempotency record).
        With an expected version the events then get their global positions inside COMMIT (the
        returned events carry temporary negative positions); otherwise the append lock is taken
        now and held until that transaction ends, so append last.
        """
        if not new_events:
            return []
        async with self._connection(conn) as c:
            if conn is not None and expected_version is not None:
                recorded = await self._append_numbered_at_commit(
                    c, stream_id, new_events, expected_version
                )
            else:
                recorded = await self._append_under_lock(c, stream_id, new_events, expected_version)
        if self.on_appended:
            self.on_appended(recorded)
        return recorded

    async def append_many(
        self, batches: Sequence[StreamAppend], conn: Connection
    ) -> list[RecordedEvent]:
        """Append to many streams in one statement, each at its expected version; all or nothing.

        For bulk writers (a payment run's chunk of thousands of payments): the append lock is
        taken first and held to the end of `conn`'s transaction, the heads of the existing streams
        are read under it (a stream expected new is checked by the unique index), and one
        set-based insert numbers every event after the highest position.
        """
        batches = [b for b in batches if b.events]
        if not batches:
            return []
        recorded_at, trace_context = self.clock.now(), current_traceparent()

        def chained_on(version: int, prev_hash: str | None, b: StreamAppend) -> ChainedBatch:
            return chain(b.stream_id, b.events, version, prev_hash, recorded_at, trace_context)

        # hashing is most of the work: done before the lock for every batch whose head is known
        # (a new stream, or the hash its caller loaded), checked against the real head under it
        early = [
            chained_on(b.expected_version, b.head_hash, b)
            if b.expected_version == 0 or b.head_hash is not None
            else None
            for b in batches
        ]
        raw = await driver_in_transaction(conn)
        await raw.execute(LOCK, APPEND_LOCK_KEY, HOLDER_LOCK_TIMEOUT)
        # a new stream's head needs no reading: if it exists, its version 1 is in the unique index
        existing = [b.stream_id for b in batches if b.expected_version != NO_STREAM]
        heads = await self._heads(raw, existing) if existing else {}
        chained = []
        for b, batch in zip(batches, early, strict=True):
            version, prev_hash = heads.get(b.stream_id, (0, None))
            if b.expected_version != version:
                raise ConcurrencyConflict(b.stream_id, b.expected_version, version)
            if batch is None or batch.prev_hashes[0] != (prev_hash or GENESIS_HASH):
                batch = chained_on(version, prev_hash, b)
            chained.append(batch)
        try:
            rows = await raw.fetch(INSERT_MANY, *many_insert_args(chained))
        except asyncpg.LockNotAvailableError as error:
            raise AppendContended([b.stream_id for b in batches]) from error
        except asyncpg.UniqueViolationError as error:
            if error.constraint_name != STREAM_VERSION_UNIQUE:
                raise
            conflict = await self._conflict_of(batches)
            if conflict is None:
                raise
            raise conflict from error
        positions = sorted(r[0] for r in rows)
        recorded: list[RecordedEvent] = []
        for batch in chained:
            count = len(batch.events)
            recorded += batch.recorded(positions[len(recorded) : len(recorded) + count])
        if self.on_appended:
            self.on_appended(recorded)
        return recorded

    @staticmethod
    async def _heads(raw: asyncpg.Connection, stream_ids: list[str]) -> dict[str, tuple[int, str]]:
        """Each existing stream's (version, hash)."""
        rows = await raw.fetch(HEADS, stream_ids)
        return {r["stream_id"]: (r["stream_version"], r["hash"]) for r in rows}

    async def _conflict_of(self, batches: Sequence[StreamAppend]) -> ConcurrencyConflict | None:
        """The first batch whose stream is no longer at its expected version, read outside the
        failed transaction (a bulk append whose insert met a version already taken)."""
        async with self._reading(None) as raw:
            heads = await self._heads(raw, [b.stream_id for b in batches])
        for b in batches:
            version = heads.get(b.stream_id, (0, ""))[0]
            if version != b.expected_version:
                return ConcurrencyConflict(b.stream_id, b.expected_version, version)
        return None

    async def _append_under_lock(
        self,
        c: Connection,
        stream_id: str,
        new_events: Sequence[NewEvent],
        expected_version: int | None,
    ) -> list[RecordedEvent]:
        raw = await driver_in_transaction(c)
        head = await raw.fetchrow(LOCK_AND_HEAD, APPEND_LOCK_KEY, stream_id, HOLDER_LOCK_TIMEOUT)
        version, prev_hash = head["stream_version"], head["hash"]
        trace_context = current_traceparent()
        while True:
            if expected_version is not None and expected_version != (version or 0):
                raise ConcurrencyConflict(stream_id, expected_version, version or 0)
            batch = chain(
                stream_id, new_events, version, prev_hash, self.clock.now(), trace_context
            )
            try:
                positions = await raw.fetch(INSERT_IF_HEAD, *batch.insert_args())
            except asyncpg.LockNotAvailableError as error:
                raise AppendContended([stream_id]) from error
            if positions:
                return batch.recorded(sorted(p[0] for p in positions))
            # the head moved before we held the lock: re-read it, now under the lock
            fresh = await raw.fetchrow(HEAD, stream_id)
            version, prev_hash = (fresh[0], fresh[1]) if fresh else (None, None)

    async def _append_numbered_at_commit(
        self,
        c: Connection,
        stream_id: str,
        new_events: Sequence[NewEvent],
        expected_version: int,
    ) -> list[RecordedEvent]:
        raw = await driver_in_transaction(c)
        version, prev_hash = 0, None  # a new stream: the insert's own head check suffices
        if expected_version != NO_STREAM:
            head = await raw.fetchrow(HEAD, stream_id)
            version, prev_hash = (head[0], head[1]) if head else (0, None)
        if expected_version != version:
            raise ConcurrencyConflict(stream_id, expected_version, version)
        batch = chain(
            stream_id, new_events, version, prev_hash, self.clock.now(), current_traceparent()
        )
        try:
            positions = await raw.fetch(INSERT_PENDING_IF_HEAD, *batch.insert_args())
        except asyncpg.UniqueViolationError as error:
            if error.constraint_name != STREAM_VERSION_UNIQUE:
                raise
            positions = []  # a concurrent writer committed this version first
        if not positions:
            raise ConcurrencyConflict(
                stream_id, expected_version, await self.stream_version(stream_id)
            )
        return batch.recorded(sorted((p[0] for p in positions), reverse=True))

    async def stream_version(self, stream_id: str) -> int:
        """The version of a stream: the number of its events, 0 when it does not exist."""
        async with self._reading(None) as raw:
            head = await raw.fetchrow(HEAD, stream_id)
        return int(head[0]) if head else 0

    async def existing_streams(
        self, stream_ids: Sequence[str], conn: Connection | None = None
    ) -> set[str]:
        """Those of the streams that hold an event (one index lookup each)."""
        if not stream_ids:
            return set()
        async with self._reading(conn) as raw:
            rows = await raw.fetch(EXISTING, list(stream_ids))
        return {row["stream_id"] for row in rows}

    async def read_stream(
        self, stream_id: str, conn: Connection | None = None
    ) -> list[RecordedEvent]:
        """Every event of a stream, in version order."""
        return (await self.read_streams([stream_id], conn)).get(stream_id, [])

    async def read_streams(
        self, stream_ids: Sequence[str], conn: Connection | None = None
    ) -> dict[str, list[RecordedEvent]]:
        """Every event of each stream, in version order, keyed by stream id (absent when empty)."""
        return await self._by_stream(_READ_STREAMS, stream_ids, conn, _recorded_of_record)

    async def read_stream_states(
        self, stream_ids: Sequence[str], conn: Connection | None = None
    ) -> dict[str, list[StoredState]]:
        """What rebuilding aggregates needs of each stream's events, in version order: type,
        schema version, data and hash — the audit metadata is not decoded."""
        return await self._by_stream(_READ_STATES, stream_ids, conn, _state_of_record)

    async def _by_stream(
        self,
        sql: str,
        stream_ids: Sequence[str],
        conn: Connection | None,
        build: Callable[[asyncpg.Record], T],
    ) -> dict[str, list[T]]:
        """`sql`'s rows (stream id in the column `stream_id`) built and grouped by stream."""
        if not stream_ids:
            return {}
        async with self._reading(conn) as raw:
            rows = await raw.fetch(sql, list(stream_ids))
        out: dict[str, list[T]] = {}
        for row in rows:
            out.setdefault(row["stream_id"], []).append(build(row))
        return out

    async def read_all(self, after_position: int = 0, limit: int = 500) -> list[RecordedEvent]:
        """Events after a global position, in position (= commit) order."""
        async with self._reading(None) as raw:
            rows = await raw.fetch(_READ_ALL, after_position, limit)
        return [_recorded_of_record(r) for r in rows]

    @asynccontextmanager
    async def _reading(self, conn: Connection | None) -> AsyncIterator[asyncpg.Connection]:
        if conn is not None:
            yield await driver_in_transaction(conn)
            return
        async with self.engine.connect() as own:
            yield await driver_in_transaction(own)

    async def head_position(self) -> int:
        """The highest global position written so far (0 for an empty store)."""
        async with self.engine.connect() as conn:
            result = await conn.execute(select(func.coalesce(func.max(events.c.position), 0)))
            return int(result.scalar_one())

    async def stream_ids(self) -> list[str]:
        """Every stream id in the store."""
        async with self.engine.connect() as conn:
            result = await conn.execute(select(events.c.stream_id).distinct())
            return sorted(result.scalars())

    async def verify_stream(self, stream_id: str) -> StreamVerification:
        """Re-walk a stream's chain; name the first altered, deleted, inserted or moved event."""
        query = (
            select(events).where(events.c.stream_id == stream_id).order_by(events.c.stream_version)
        )
        async with self.engine.connect() as conn:
            rows = list(await conn.execute(query))
        return verify_chain(stream_id, [_raw_of(r) for r in rows])


def verify_chain(stream_id: str, rows: Sequence[dict[str, Any]]) -> StreamVerification:
    """Check raw event rows (as stored or as carried on Kafka) of one stream, in version order."""
    prev_hash = GENESIS_HASH
    for index, row in enumerate(rows, start=1):
        problem = _link_problem(row, index, prev_hash)
        if problem:
            return StreamVerification(stream_id, index - 1, index, problem)
        prev_hash = row["hash"]
    return StreamVerification(stream_id, len(rows))


def _link_problem(row: dict[str, Any], expected_version: int, prev_hash: str) -> str | None:
    if row["stream_version"] != expected_version:
        return f"expected version {expected_version}, found {row['stream_version']}"
    if row["prev_hash"] != prev_hash:
        return "previous-hash link broken"
    if content_hash(row) != row["hash"]:
        return "content does not match its hash"
    return None


def _row_of(event: RecordedEvent) -> dict[str, Any]:
    return {
        "position": event.position,
        "event_id": event.event_id,
        "stream_id": event.stream_id,
        "stream_version": event.stream_version,
        "type": event.type,
        "schema_version": event.schema_version,
        "occurred_at": event.occurred_at,
        "recorded_at": event.recorded_at,
        "data": event.data,
        "metadata": event.metadata.to_dict(),
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


_COLUMNS = (
    "position, event_id, stream_id, stream_version, type, schema_version, occurred_at,"
    " recorded_at, data, metadata, prev_hash, hash"
)
_READ_STREAMS = (
    f"SELECT {_COLUMNS} FROM events WHERE stream_id = ANY($1::text[])"
    " ORDER BY stream_id, stream_version"
)
_READ_STATES = (
    "SELECT stream_id, type, schema_version, data, hash FROM events"
    " WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version"
)
_READ_ALL = f"SELECT {_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2"


def _state_of_record(r: asyncpg.Record) -> StoredState:
    return StoredState(r["type"], r["schema_version"], r["data"], r["hash"])


def _recorded_of_record(r: asyncpg.Record) -> RecordedEvent:
    """A row of `_COLUMNS` as a recorded event (the connection decodes jsonb)."""
    return RecordedEvent(
        position=r[0],
        event_id=r[1],
        stream_id=r[2],
        stream_version=r[3],
        type=r[4],
        schema_version=r[5],
        occurred_at=r[6],
        recorded_at=r[7],
        data=r[8],
        metadata=EventMetadata.from_dict(r[9]),
        prev_hash=r[10],
        hash=r[11],
    )


def _raw_of(row: Row[Any]) -> dict[str, Any]:
    return dict(row._mapping)


def recorded_to_raw(event: RecordedEvent) -> dict[str, Any]:
    """A recorded event in the raw row form that `verify_chain` checks."""
    return _row_of(event)
