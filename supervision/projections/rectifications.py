"""The rectifications read model: each ordered rectification, its deadline and its check."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.db import Migration
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler

RECTIFICATION_MIGRATIONS = (
    Migration(
        "supervision-0006-rectifications-view",
        (
            """
            CREATE TABLE rectifications_view (
                inspection_id text NOT NULL,
                finding_id text NOT NULL,
                division_code text NOT NULL,
                requirement text NOT NULL,
                responsible_org text NOT NULL,
                due_on date NOT NULL,
                rectified boolean NOT NULL DEFAULT false,
                PRIMARY KEY (inspection_id, finding_id)
            )
            """,
        ),
    ),
    Migration(
        "supervision-0008-rectifications-keyset",
        (
            "ALTER TABLE rectifications_view ADD COLUMN finding_key text",
            "UPDATE rectifications_view SET finding_key = inspection_id || '/' || finding_id",
            "ALTER TABLE rectifications_view ALTER COLUMN finding_key SET NOT NULL",
            "CREATE INDEX rectifications_view_due_idx ON rectifications_view (due_on, finding_key)",
        ),
    ),
)


async def _ordered(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Upsert the order, in its inspection's division."""
    data = event.data
    division = (
        await conn.execute(
            text(
                "SELECT data->>'division_code' FROM events WHERE stream_id = :s"
                " AND type = 'supervision.InspectionPlanned'"
            ),
            {"s": event.stream_id},
        )
    ).scalar_one()
    await conn.execute(
        text(
            "INSERT INTO rectifications_view VALUES (:i, :f, :d, :r, :o, :due, false, :key)"
            " ON CONFLICT (inspection_id, finding_id) DO UPDATE"
            " SET due_on = EXCLUDED.due_on,"
            " requirement = EXCLUDED.requirement, rectified = false"
        ),
        {
            "i": data["inspection_id"],
            "f": data["finding_id"],
            "d": division,
            "r": data["requirement"],
            "o": data["responsible_org"],
            "due": date.fromisoformat(data["due_on"]),
            "key": f"{data['inspection_id']}/{data['finding_id']}",
        },
    )


async def _verified(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Mark the order rectified, or not, as the check says."""
    data = event.data
    await conn.execute(
        text(
            "UPDATE rectifications_view SET rectified = :r"
            " WHERE inspection_id = :i AND finding_id = :f"
        ),
        {"r": data["rectified"], "i": data["inspection_id"], "f": data["finding_id"]},
    )


class RectificationsView(Projection):
    """rectifications_view ← supervision.RectificationOrdered / RectificationVerified."""

    name = "supervision.rectifications_view"
    tables = ("rectifications_view",)
    handlers: Mapping[str, ProjectionHandler] = {
        "supervision.RectificationOrdered": _ordered,
        "supervision.RectificationVerified": _verified,
    }
