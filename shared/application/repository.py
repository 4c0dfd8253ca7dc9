"""Loads aggregates from their streams and appends what they recorded, with the expected version."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Generic

from typing_extensions import TypeVar  # a default for S (typing's own from Python 3.13)

from shared.db import Connection
from shared.domain.aggregate import Aggregate
from shared.domain.errors import NotFound
from shared.eventstore.envelope import EventMetadata, RecordedEvent
from shared.eventstore.log import EventLog
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore, StreamAppend

A = TypeVar("A", bound=Aggregate)
S = TypeVar("S", bound=EventLog, default=EventStore)  # `Repository[X]`: on the PostgreSQL store


class Repository(Generic[A, S]):
    """The event store seen through one aggregate type (any `EventLog`: ADR 0045)."""

    def __init__(self, store: S, registry: EventRegistry, aggregate: type[A]) -> None:
        self.store = store
        self.registry = registry
        self.aggregate = aggregate

    async def find(self, aggregate_id: str, conn: Connection | None = None) -> A | None:
        """The aggregate rebuilt from its events, or None when its stream is empty."""
        stream_id = self.aggregate.stream_id_for(aggregate_id)
        recorded = (await self.store.read_stream_states([stream_id], conn)).get(stream_id)
        if not recorded:
            return None
        instance = self.aggregate(aggregate_id)
        instance.replay([self.registry.deserialize(e) for e in recorded])
        instance.head_hash = recorded[-1].hash
        return instance

    async def get(self, aggregate_id: str, conn: Connection | None = None) -> A:
        """The aggregate, or NotFound."""
        found = await self.find(aggregate_id, conn)
        if found is None:
            raise NotFound(
                f"{self.aggregate.__name__} {aggregate_id} does not exist",
                f"未找到编号为 {aggregate_id} 的记录",
            )
        return found

    async def save(
        self,
        instance: A,
        metadata: EventMetadata,
        conn: Connection | None,
        expected_version: int | None = None,
        occurred_at: datetime | None = None,
    ) -> list[RecordedEvent]:
        """Append the pending events at the loaded (or the caller's expected) version; dated
        `occurred_at` when given (a migrated fact), else when recorded."""
        base = instance.version if expected_version is None else expected_version
        new_events = [self.registry.serialize(e, metadata) for e in instance.pending]
        if occurred_at is not None:
            new_events = [replace(e, occurred_at=occurred_at) for e in new_events]
        recorded = await self.store.append(instance.stream_id, new_events, base, conn)
        instance.version = base + len(recorded)
        instance.head_hash = recorded[-1].hash if recorded else instance.head_hash
        instance.pending.clear()
        instance.appended = recorded
        return recorded

    async def save_many(
        self, changed: Sequence[tuple[A, EventMetadata]], conn: Connection
    ) -> list[RecordedEvent]:
        """Append what many aggregates recorded, each at its loaded version, in one statement.

        For bulk work (a payment run's chunk): the append lock is held from here to the end of
        `conn`'s transaction, so commit soon after.
        """
        changed = [(instance, metadata) for instance, metadata in changed if instance.pending]
        appends = [
            StreamAppend(
                instance.stream_id,
                [self.registry.serialize(e, metadata) for e in instance.pending],
                instance.version,
                instance.head_hash,
            )
            for instance, metadata in changed
        ]
        recorded = await self.store.append_many(appends, conn)
        by_stream: dict[str, list[RecordedEvent]] = {}
        for event in recorded:
            by_stream.setdefault(event.stream_id, []).append(event)
        for instance, _ in changed:
            instance.version += len(instance.pending)
            instance.appended = by_stream[instance.stream_id]
            instance.head_hash = instance.appended[-1].hash
            instance.pending.clear()
        return recorded
