"""Loading many aggregates in one query, for runs that touch thousands of them at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.domain.aggregate import Aggregate

A = TypeVar("A", bound=Aggregate)


async def load_many(
    repository: Repository[A], conn: AsyncConnection, aggregate_ids: Sequence[str]
) -> dict[str, A]:
    """The aggregates that exist among `aggregate_ids`, rebuilt from their events."""
    cls = repository.aggregate
    by_stream = {cls.stream_id_for(i): i for i in aggregate_ids}
    found: dict[str, A] = {}
    states = await repository.store.read_stream_states(list(by_stream), conn)
    for stream_id, recorded in states.items():
        instance = cls(by_stream[stream_id])
        instance.replay([repository.registry.deserialize(e) for e in recorded])
        instance.head_hash = recorded[-1].hash
        found[instance.id] = instance
    return found
