"""Projection catch-up: `ProjectionRunner.catch_up` of a one-row-per-stream upsert (timed beside
the consumer doing the same work, in `bench/consumer.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bench.timing import Stopwatch
from bench.workload import EVENT_TYPE
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler, ProjectionRunner

EVENTS = 20_000
TABLE = "bench_stream_heads"
CREATE_TABLE = text(
    f"CREATE TABLE {TABLE} (stream_id text PRIMARY KEY, version integer NOT NULL,"
    " last_type text NOT NULL, division text NOT NULL, updated_at timestamptz NOT NULL)"
)
_UPSERT = text(
    f"INSERT INTO {TABLE} (stream_id, version, last_type, division, updated_at)"
    " VALUES (:stream_id, :version, :type, :division, :at)"
    " ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version,"
    " last_type = EXCLUDED.last_type, updated_at = EXCLUDED.updated_at"
    f" WHERE {TABLE}.version < EXCLUDED.version"
)


async def _upsert(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Upsert the stream's row (idempotent: never moves a row backwards)."""
    await conn.execute(_UPSERT, [_row(event)])


def _row(event: RecordedEvent) -> dict[str, object]:
    return {
        "stream_id": event.stream_id,
        "version": event.stream_version,
        "type": event.type,
        "division": event.metadata.actor.division,
        "at": event.recorded_at,
    }


class StreamHeads(Projection):
    """bench_stream_heads ← every event: the stream's latest version and type."""

    name: ClassVar[str] = "bench.stream_heads"
    tables: ClassVar[tuple[str, ...]] = (TABLE,)
    handlers: Mapping[str, ProjectionHandler] = {EVENT_TYPE: _upsert}  # every event it appends

    async def handle_batch(self, batch: list[RecordedEvent], conn: AsyncConnection) -> None:
        """One pipelined executemany of the upserts, in log order."""
        await conn.execute(_UPSERT, [_row(event) for event in batch])


async def time_catch_up(engine: AsyncEngine, runner: ProjectionRunner) -> float:
    """Reset the read model and its checkpoint, then time a full catch-up."""
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {TABLE}"))
        await conn.execute(text("DELETE FROM projection_checkpoints"))
    with Stopwatch() as watch:
        applied = await runner.catch_up(StreamHeads.name)
    if applied != EVENTS:
        raise RuntimeError(f"catch-up applied {applied} events, expected {EVENTS}")
    return watch.seconds
