"""The batches read model: the county's batches and how far their spot check has come."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler


async def _sample_drawn(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Insert the drawn batch."""
    data = event.data
    await conn.execute(
        text(
            "INSERT INTO batches_view (batch_id, version, county_code, township_code,"
            " households, sample, visited, formed_at)"
            " VALUES (:id, :v, :county, :township, :n, :sample, '{}', :at)"
            " ON CONFLICT (batch_id) DO NOTHING"
        ),
        {
            "id": data["batch_id"],
            "v": event.stream_version,
            "county": data["county_code"],
            "township": data["township_code"],
            "n": len(data["households"]),
            "sample": list(data["sample"]),
            "at": event.recorded_at,
        },
    )


async def _spot_check_recorded(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Add the visited household once."""
    data = event.data
    await conn.execute(
        text(
            "UPDATE batches_view SET version = :v, visited = CASE"
            " WHEN :h = ANY(visited) THEN visited ELSE array_append(visited, :h) END"
            " WHERE batch_id = :id"
        ),
        {"id": data["batch_id"], "v": event.stream_version, "h": data["household"]},
    )


class BatchesView(Projection):
    """batches_view ← SpotCheckSampleDrawn, SpotCheckRecorded."""

    name = "verification.batches_view"
    tables = ("batches_view",)
    handlers: Mapping[str, ProjectionHandler] = {
        "verification.SpotCheckSampleDrawn": _sample_drawn,
        "verification.SpotCheckRecorded": _spot_check_recorded,
    }
