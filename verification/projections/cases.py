"""The cases read model: one row per verification case (application × programme)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection


class CasesView(Projection):
    """cases_view ← verification.CaseOpened."""

    name = "verification.cases_view"
    tables = ("cases_view",)

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Upsert the case row for the events it knows."""
        if event.type != "verification.CaseOpened":
            return
        data = event.data
        await conn.execute(
            text(
                """
                INSERT INTO cases_view (case_id, programme, version, division_code, stage,
                    household_size, opened_at)
                VALUES (:case_id, :programme, :version, :division, 'economic_verification',
                    :size, :at)
                ON CONFLICT (case_id, programme) DO UPDATE SET version = EXCLUDED.version
                """
            ),
            {
                "case_id": data["case_id"],
                "programme": data["programme"],
                "version": event.stream_version,
                "division": data["division_code"],
                "size": data["household_size"],
                "at": event.recorded_at,
            },
        )
