"""Files that exist before their first record: empty, at version 0, as their GET shows them.

A county's coordination file of a year, a division's capacity file, a county's implementation
reports of a period: each is read (ETag `"0"`) before anything is recorded, so the first record is
a change like any other, sent with `If-Match: "0"`. `Files` lets the kernel's `change` load such a
file (`shared.http.commands.Aggregates`): a stream not yet written is the empty file.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from shared.application.repository import Repository
from shared.db import Connection
from shared.domain.aggregate import Aggregate
from shared.eventstore.envelope import EventMetadata, RecordedEvent

A = TypeVar("A", bound=Aggregate)


class Files(Generic[A]):
    """A repository whose unwritten stream is the empty file at version 0."""

    def __init__(self, repository: Repository[A]) -> None:
        self.repository = repository

    async def find(self, aggregate_id: str, conn: Connection | None = None) -> A | None:
        """The file as recorded, or None before its first record."""
        return await self.repository.find(aggregate_id, conn)

    async def get(self, aggregate_id: str, conn: Connection | None = None) -> A:
        """The file as recorded, or the empty file at version 0."""
        found = await self.repository.find(aggregate_id, conn)
        return found if found is not None else self.repository.aggregate(aggregate_id)

    async def save(
        self,
        instance: A,
        metadata: EventMetadata,
        conn: Connection | None,
        expected_version: int | None = None,
    ) -> list[RecordedEvent]:
        """Append what the file recorded at the expected (or loaded) version."""
        return await self.repository.save(instance, metadata, conn, expected_version)
