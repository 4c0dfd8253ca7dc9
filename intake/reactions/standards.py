"""When payments sets an urban dibao standard, keep it for the green channel's caps (INT-7)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from intake.adapters.green_channel import keep_urban_standard
from intake.domain.programmes import Programme
from shared.contracts.payments import StandardSet
from shared.eventstore.envelope import RecordedEvent


async def standard_set(event: StandardSet, recorded: RecordedEvent, conn: AsyncConnection) -> None:
    """payments.StandardSet of urban dibao → the standards intake computes caps with."""
    if event.programme == Programme.URBAN_DIBAO:
        await keep_urban_standard(
            conn, event.division_code, event.effective_from, event.monthly_per_person_fen
        )
