"""The amounts payments computes for the benefits verification approved (VER-6): an approval by
rule carries no amount, so the notice shows the one payments pays, kept from its events."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.contracts.payments import EntitlementCalculated
from shared.eventstore.envelope import RecordedEvent

_UPSERT = text(
    "INSERT INTO benefit_amounts (case_id, programme, effective_from, monthly_amount_fen)"
    " VALUES (:case_id, :programme, :effective_from, :amount)"
    " ON CONFLICT (case_id, programme, effective_from)"
    " DO UPDATE SET monthly_amount_fen = EXCLUDED.monthly_amount_fen"
)
# the amount in force on the day; a benefit not begun yet shows its first amount
_IN_FORCE = text(
    "SELECT DISTINCT ON (case_id, programme) case_id, programme, monthly_amount_fen"
    " FROM benefit_amounts WHERE case_id = ANY(:cases)"
    " ORDER BY case_id, programme, (effective_from <= :on) DESC,"
    " CASE WHEN effective_from <= :on THEN effective_from END DESC, effective_from"
)


async def note_amount(
    entitlement: EntitlementCalculated, event: RecordedEvent, conn: AsyncConnection
) -> None:
    """Policy: payments.EntitlementCalculated → the benefit's amount from its date (the latest
    computation for a date wins)."""
    await conn.execute(
        _UPSERT,
        {
            "case_id": entitlement.case_id,
            "programme": entitlement.programme,
            "effective_from": entitlement.effective_from,
            "amount": entitlement.monthly_amount_fen,
        },
    )


async def amounts_in_force(
    conn: AsyncConnection, case_ids: list[str], on: date
) -> dict[tuple[str, str], int]:
    """(case, programme) → the monthly amount payments pays on `on` (its first amount when the
    benefit begins later), where it computed one."""
    rows = await conn.execute(_IN_FORCE, {"cases": case_ids, "on": on})
    return {(r.case_id, r.programme): int(r.monthly_amount_fen) for r in rows}
