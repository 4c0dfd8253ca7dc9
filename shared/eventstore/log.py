"""What an event store is to its users: the one interface of the PostgreSQL and in-memory stores.

`EventStore` (PostgreSQL, shared/eventstore/store.py) and `InMemoryEventStore`
(shared/eventstore/memory.py) both satisfy it, and tests/shared/contract_event_store.py holds the
behaviour both must show (ADR 0045). Repositories take any `EventLog`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from shared.db import Connection
from shared.eventstore.envelope import NewEvent, RecordedEvent, StoredState

if TYPE_CHECKING:
    from shared.eventstore.store import StreamAppend, StreamVerification


class EventLog(Protocol):
    """Optimistic appends to hash-chained streams, and reads of streams and of the global log."""

    async def append(
        self,
        stream_id: str,
        new_events: Sequence[NewEvent],
        expected_version: int | None,
        conn: Connection | None = None,
    ) -> list[RecordedEvent]:
        """Append a batch at `expected_version` (None: any, 0: new stream); all or nothing."""
        ...

    async def append_many(
        self, batches: Sequence[StreamAppend], conn: Connection
    ) -> list[RecordedEvent]:
        """Append to many streams, each at its expected version; all or nothing."""
        ...

    async def stream_version(self, stream_id: str) -> int:
        """The number of a stream's events, 0 when it does not exist."""
        ...

    async def existing_streams(
        self, stream_ids: Sequence[str], conn: Connection | None = None
    ) -> set[str]:
        """Those of the streams that hold an event."""
        ...

    async def read_stream(
        self, stream_id: str, conn: Connection | None = None
    ) -> list[RecordedEvent]:
        """Every event of a stream, in version order."""
        ...

    async def read_streams(
        self, stream_ids: Sequence[str], conn: Connection | None = None
    ) -> dict[str, list[RecordedEvent]]:
        """Every event of each stream, in version order, keyed by stream id (absent when empty)."""
        ...

    async def read_stream_states(
        self, stream_ids: Sequence[str], conn: Connection | None = None
    ) -> dict[str, list[StoredState]]:
        """Each stream's events as aggregates are rebuilt from them, in version order."""
        ...

    async def read_all(self, after_position: int = 0, limit: int = 500) -> list[RecordedEvent]:
        """Events after a global position, in position order."""
        ...

    async def head_position(self) -> int:
        """The highest global position written so far (0 for an empty store)."""
        ...

    async def stream_ids(self) -> list[str]:
        """Every stream id in the store, sorted."""
        ...

    async def verify_stream(self, stream_id: str) -> StreamVerification:
        """Re-walk a stream's chain; name the first altered, deleted, inserted or moved event."""
        ...
