"""The alerts read model: one row per AlertRaised, for lists by division and detector."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.db import Migration
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection

ALERT_MIGRATIONS = (
    Migration(
        "supervision-0005-alerts-view",
        (
            """
            CREATE TABLE alerts_view (
                alert_id text PRIMARY KEY,
                detector text NOT NULL,
                key text NOT NULL,
                division_code text NOT NULL,
                case_ids jsonb NOT NULL,
                summary_zh text NOT NULL,
                evidence jsonb NOT NULL,
                raised_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX alerts_view_division_idx ON alerts_view (division_code, raised_at)",
        ),
    ),
)

_INSERT = text(
    """
    INSERT INTO alerts_view VALUES (:alert_id, :detector, :key, :division_code,
        CAST(:case_ids AS jsonb), :summary_zh, CAST(:evidence AS jsonb), :raised_at)
    ON CONFLICT (alert_id) DO NOTHING
    """
)


class AlertsView(Projection):
    """alerts_view ← supervision.AlertRaised."""

    name = "supervision.alerts_view"
    tables = ("alerts_view",)

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Insert the alert."""
        if event.type != "supervision.AlertRaised":
            return
        data = event.data
        await conn.execute(
            _INSERT,
            {
                "alert_id": data["alert_id"],
                "detector": data["detector"],
                "key": data["key"],
                "division_code": data["division_code"],
                "case_ids": canonical_json(data["case_ids"]),
                "summary_zh": data["summary_zh"],
                "evidence": canonical_json(data["evidence"]),
                "raised_at": event.recorded_at,
            },
        )
