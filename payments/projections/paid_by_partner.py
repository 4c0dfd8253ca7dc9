"""paid_by_partner_view ← payments.PaidByPartnerRecorded: assistance partner agencies pay."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler

_INSERT = text(
    """
    INSERT INTO paid_by_partner_view (case_id, programme, agency, division_code, county_code,
        decided_on, amount_fen, decided_by_org, policy_basis, reason, recorded_at)
    VALUES (:case_id, :programme, :agency, :division_code, :county_code, :decided_on,
        :amount_fen, :decided_by_org, :policy_basis, :reason, :recorded_at)
    ON CONFLICT (case_id, programme) DO NOTHING
    """
)


async def _recorded(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Insert the record a PaidByPartnerRecorded carries."""
    data = event.data
    await conn.execute(
        _INSERT,
        {
            "case_id": data["case_id"],
            "programme": data["programme"],
            "agency": data["agency"],
            "division_code": data["division_code"],
            "county_code": data["county_code"],
            "decided_on": date.fromisoformat(data["decided_on"]),
            "amount_fen": data["amount_fen"],
            "decided_by_org": data["decided_by_org"],
            "policy_basis": data["policy_basis"],
            "reason": data["reason"],
            "recorded_at": event.recorded_at,
        },
    )


class PaidByPartnerView(Projection):
    """One row per programme a partner agency decided and pays itself."""

    name = "payments.paid_by_partner_view"
    tables = ("paid_by_partner_view",)
    handlers: Mapping[str, ProjectionHandler] = {"payments.PaidByPartnerRecorded": _recorded}
