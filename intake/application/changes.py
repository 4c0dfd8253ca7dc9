"""Changing an existing aggregate with the caller's expected version (If-Match)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.domain.aggregate import Aggregate
from shared.eventstore.envelope import EventMetadata, RecordedEvent
from shared.http.commands import ensure_current

A = TypeVar("A", bound=Aggregate)


async def change(
    repository: Repository[A],
    aggregate_id: str,
    expected_version: int,
    metadata: EventMetadata,
    conn: AsyncConnection,
    action: Callable[[A], None],
) -> tuple[A, list[RecordedEvent]]:
    """Load, refuse a stale If-Match (412) before any rule, act, append at the expected version."""
    aggregate = await repository.get(aggregate_id, conn)
    ensure_current(aggregate.stream_id, expected_version, aggregate.version)
    action(aggregate)
    recorded = await repository.save(aggregate, metadata, conn, expected_version=expected_version)
    return aggregate, recorded
