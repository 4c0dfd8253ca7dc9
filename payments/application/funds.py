"""Funds position of a county: allocated, arrived, committed, available, needed (PAY-7)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.periods import period_end, period_start
from payments.projections.beneficiaries import PAYABLE_IN_PERIOD

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
# what a run of the period needs: the monthly amounts of the benefits payable in it (the current
# month's when no period is named)
_NEEDED = text(
    "SELECT programme, sum(monthly_amount_fen) AS needed FROM beneficiaries_view"
    " WHERE county_code = :county AND status <> 'terminated'"
    " AND effective_from <= CAST(:period_end AS date)"
    f" AND {PAYABLE_IN_PERIOD} GROUP BY programme"
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


async def funds_position(
    conn: AsyncConnection, county: str, period: str | None
) -> list[ProgrammeFunds]:
    """Every programme with money, or beneficiaries a run of `period` pays, in the county (no
    period: money only, nothing needed)."""
    params = {"county": county}
    arrived = {r.programme: r for r in await conn.execute(_ARRIVED, params)}
    committed = {r.programme: r for r in await conn.execute(_COMMITTED, params)}
    needed = await _needed(conn, county, period) if period else {}
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


async def _needed(conn: AsyncConnection, county: str, period: str) -> dict[str, int]:
    month = {
        "county": county,
        "period_start": period_start(period),
        "period_end": period_end(period),
    }
    return {r.programme: int(r.needed) for r in await conn.execute(_NEEDED, month)}
