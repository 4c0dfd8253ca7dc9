"""funds_view ← FundsAllocated / FundsArrived: money per county, programme and source (PAY-7)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection

_ADD = text(
    """
    INSERT INTO funds_view (county_code, programme, source, allocated_fen, arrived_fen)
    VALUES (:county, :programme, :source, :allocated, :arrived)
    ON CONFLICT (county_code, programme, source) DO UPDATE SET
        allocated_fen = funds_view.allocated_fen + EXCLUDED.allocated_fen,
        arrived_fen = funds_view.arrived_fen + EXCLUDED.arrived_fen
    """
)


class FundsView(Projection):
    """Allocated and arrived money; each event is applied once (checkpointed with it)."""

    name = "payments.funds_view"
    tables = ("funds_view",)
    handles = frozenset({"payments.FundsAllocated", "payments.FundsArrived"})

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Add an allocation or an arrival."""
        data = event.data
        allocated = data["amount_fen"] if event.type == "payments.FundsAllocated" else 0
        await conn.execute(
            _ADD,
            {
                "county": data["county_code"],
                "programme": data["programme"],
                "source": data["source"],
                "allocated": allocated,
                "arrived": data["amount_fen"] - allocated,
            },
        )
