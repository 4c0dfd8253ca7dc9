"""Reading many streams in one query, for runs that touch thousands of aggregates at a time.

(The kernel's Repository reads one stream per call; a run loads a chunk of aggregates at once.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.domain.aggregate import Aggregate
from shared.eventstore.envelope import EventMetadata, RecordedEvent
from shared.eventstore.schema import events

A = TypeVar("A", bound=Aggregate)


async def read_streams(
    conn: AsyncConnection, stream_ids: Sequence[str]
) -> dict[str, list[RecordedEvent]]:
    """Every event of each stream, in version order, keyed by stream id (absent when empty)."""
    if not stream_ids:
        return {}
    query = (
        select(events)
        .where(events.c.stream_id.in_(list(stream_ids)))
        .order_by(events.c.stream_id, events.c.stream_version)
    )
    out: dict[str, list[RecordedEvent]] = {}
    for row in await conn.execute(query):
        raw = dict(row._mapping)
        raw["metadata"] = EventMetadata.from_dict(raw["metadata"])
        out.setdefault(raw["stream_id"], []).append(RecordedEvent(**raw))
    return out


async def load_many(
    repository: Repository[A], conn: AsyncConnection, aggregate_ids: Sequence[str]
) -> dict[str, A]:
    """The aggregates that exist among `aggregate_ids`, rebuilt from their events."""
    cls = repository.aggregate
    by_stream = {cls.stream_id_for(i): i for i in aggregate_ids}
    found: dict[str, A] = {}
    for stream_id, recorded in (await read_streams(conn, list(by_stream))).items():
        instance = cls(by_stream[stream_id])
        instance.replay([repository.registry.deserialize(e) for e in recorded])
        found[instance.id] = instance
    return found
