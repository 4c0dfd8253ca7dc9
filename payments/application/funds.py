"""Funds position of a county: allocated, arrived, committed, available, needed (PAY-7)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

_ARRIVED = text(
    "SELECT programme, sum(allocated_fen) AS allocated, sum(arrived_fen) AS arrived"
    " FROM funds_view WHERE county_code = :county GROUP BY programme"
)
_COMMITTED = text(
    "SELECT programme, sum(amount_fen) AS committed,"
    " sum(amount_fen) FILTER (WHERE status = 'settled') AS paid"
    " FROM payments_view WHERE left(division_code, 6) = :county"
    " AND status IN ('instructed', 'settled') GROUP BY programme"
)
_NEEDED = text(
    "SELECT programme, sum(monthly_amount_fen) AS needed FROM beneficiaries_view"
    " WHERE county_code = :county AND status = 'active' GROUP BY programme"
)


@dataclass(frozen=True)
class ProgrammeFunds:
    """One programme's money in one county."""

    programme: str
    allocated_fen: int
    arrived_fen: int
    committed_fen: int
    paid_fen: int
    needed_fen: int

    @property
    def available_fen(self) -> int:
        """Arrived money not yet committed to an instructed or settled payment."""
        return self.arrived_fen - self.committed_fen

    @property
    def shortfall_fen(self) -> int:
        """How much a run of the active beneficiaries would exceed what is available."""
        return max(0, self.needed_fen - self.available_fen)


async def funds_position(conn: AsyncConnection, county: str) -> list[ProgrammeFunds]:
    """Every programme with money or beneficiaries in the county."""
    params = {"county": county}
    arrived = {r.programme: r for r in await conn.execute(_ARRIVED, params)}
    committed = {r.programme: r for r in await conn.execute(_COMMITTED, params)}
    needed = {r.programme: int(r.needed) for r in await conn.execute(_NEEDED, params)}
    out = []
    for programme in sorted({*arrived, *committed, *needed}):
        a, c = arrived.get(programme), committed.get(programme)
        out.append(
            ProgrammeFunds(
                programme,
                int(a.allocated) if a else 0,
                int(a.arrived) if a else 0,
                int(c.committed) if c else 0,
                int(c.paid or 0) if c else 0,
                needed.get(programme, 0),
            )
        )
    return out
