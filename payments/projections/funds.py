"""funds_view ← FundsAllocated / FundsArrived: money per county, programme and source (PAY-7)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler

_ADD = text(
    """
    INSERT INTO funds_view (county_code, programme, source, allocated_fen, arrived_fen)
    VALUES (:county, :programme, :source, :allocated, :arrived)
    ON CONFLICT (county_code, programme, source) DO UPDATE SET
        allocated_fen = funds_view.allocated_fen + EXCLUDED.allocated_fen,
        arrived_fen = funds_view.arrived_fen + EXCLUDED.arrived_fen
    """
)


async def _allocated(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Money allocated to the county's programme from a source."""
    await _add(conn, event, allocated=event.data["amount_fen"], arrived=0)


async def _arrived(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Money arrived for the county's programme from a source."""
    await _add(conn, event, allocated=0, arrived=event.data["amount_fen"])


async def _add(conn: AsyncConnection, event: RecordedEvent, allocated: int, arrived: int) -> None:
    data = event.data
    await conn.execute(
        _ADD,
        {
            "county": data["county_code"],
            "programme": data["programme"],
            "source": data["source"],
            "allocated": allocated,
            "arrived": arrived,
        },
    )


class FundsView(Projection):
    """Allocated and arrived money; each event is applied once (checkpointed with it)."""

    name = "payments.funds_view"
    tables = ("funds_view",)
    handlers: Mapping[str, ProjectionHandler] = {
        "payments.FundsAllocated": _allocated,
        "payments.FundsArrived": _arrived,
    }
