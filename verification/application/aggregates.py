"""Verification's aggregates as its routes address them: the `Aggregates` that the kernel's
command pipeline (shared.http.commands) loads and appends through.

A route names a case by its application's case id and a programme, a batch, child or screening
by its own id; a missing one is a 404 in words that say what is missing. `Addressed` is one kind
of aggregate seen that way, over its repository.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.domain.aggregate import Aggregate
from shared.domain.errors import NotFound
from shared.eventstore.envelope import EventMetadata, RecordedEvent

A = TypeVar("A", bound=Aggregate)


def _as_named(route_id: str) -> str:
    return route_id


@dataclass(frozen=True)
class Addressed(Generic[A]):
    """One kind of aggregate by the id its routes name: `aggregate_id` turns that id into the
    aggregate's own, `missing` words the 404 for it."""

    repository: Repository[A]
    missing: Callable[[str], NotFound]
    aggregate_id: Callable[[str], str] = _as_named

    async def find(self, aggregate_id: str, conn: AsyncConnection | None = None) -> A | None:
        """The aggregate the route's id names, or None while its stream is empty."""
        return await self.repository.find(self.aggregate_id(aggregate_id), conn)

    async def get(self, aggregate_id: str, conn: AsyncConnection | None = None) -> A:
        """The aggregate the route's id names, or the 404 in its own words."""
        found = await self.find(aggregate_id, conn)
        if found is None:
            raise self.missing(aggregate_id)
        return found

    async def save(
        self,
        instance: A,
        metadata: EventMetadata,
        conn: AsyncConnection | None,
        expected_version: int | None = None,
    ) -> list[RecordedEvent]:
        """Append what the aggregate recorded at `expected_version` (else as loaded)."""
        return await self.repository.save(instance, metadata, conn, expected_version)
