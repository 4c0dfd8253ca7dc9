"""The hazards read model: every hazard found, its deadline and whether it was closed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.db import Migration
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler

HAZARD_MIGRATIONS = (
    Migration(
        "supervision-0007-hazards-view",
        (
            """
            CREATE TABLE hazards_view (
                hazard_id text PRIMARY KEY,
                institution_id text NOT NULL,
                division_code text NOT NULL,
                category text NOT NULL,
                description text NOT NULL,
                due_on date NOT NULL,
                closed_on date
            )
            """,
            "CREATE INDEX hazards_view_division_idx ON hazards_view (division_code, due_on)",
        ),
    ),
)


async def _recorded(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Insert the hazard found, in its institution's division."""
    data = event.data
    division = (
        await conn.execute(
            text(
                "SELECT data->>'division_code' FROM events WHERE stream_id = :s"
                " AND type = 'supervision.InstitutionRegistered'"
            ),
            {"s": event.stream_id},
        )
    ).scalar_one()
    await conn.execute(
        text(
            "INSERT INTO hazards_view VALUES (:h, :i, :d, :c, :t, :due, NULL)"
            " ON CONFLICT (hazard_id) DO NOTHING"
        ),
        {
            "h": data["hazard_id"],
            "i": data["institution_id"],
            "d": division,
            "c": data["category"],
            "t": data["description"],
            "due": date.fromisoformat(data["due_on"]),
        },
    )


async def _closed(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Stamp the hazard's closing date."""
    data = event.data
    await conn.execute(
        text("UPDATE hazards_view SET closed_on = :c WHERE hazard_id = :h"),
        {"c": date.fromisoformat(data["closed_on"]), "h": data["hazard_id"]},
    )


class HazardsView(Projection):
    """hazards_view ← supervision.HazardRecorded / HazardClosed."""

    name = "supervision.hazards_view"
    tables = ("hazards_view",)
    handlers: Mapping[str, ProjectionHandler] = {
        "supervision.HazardRecorded": _recorded,
        "supervision.HazardClosed": _closed,
    }
