"""paid_by_partner_view ← payments.PaidByPartnerRecorded: assistance partner agencies pay."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection

_INSERT = text(
    """
    INSERT INTO paid_by_partner_view (case_id, programme, agency, division_code, county_code,
        decided_on, amount_fen, decided_by_org, policy_basis, reason, recorded_at)
    VALUES (:case_id, :programme, :agency, :division_code, :county_code, :decided_on,
        :amount_fen, :decided_by_org, :policy_basis, :reason, :recorded_at)
    ON CONFLICT (case_id, programme) DO NOTHING
    """
)
_COLUMNS = ("case_id", "programme", "agency", "division_code", "county_code", "amount_fen",
            "decided_by_org", "policy_basis", "reason")  # fmt: skip


class PaidByPartnerView(Projection):
    """One row per programme a partner agency decided and pays itself."""

    name = "payments.paid_by_partner_view"
    tables = ("paid_by_partner_view",)
    handles = frozenset({"payments.PaidByPartnerRecorded"})

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Insert the record a PaidByPartnerRecorded carries."""
        data = event.data
        row = {name: data[name] for name in _COLUMNS}
        row["decided_on"] = date.fromisoformat(data["decided_on"])
        await conn.execute(_INSERT, {**row, "recorded_at": event.recorded_at})
