"""When the household corrects its application at intake, the undecided cases take it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.contracts.intake import ApplicationAmended
from shared.eventstore.envelope import RecordedEvent
from verification.reactions.case_reaction import CaseReaction


class Amendments(CaseReaction):
    """Policy: intake.ApplicationAmended → CaseAmended for each case not yet decided."""

    async def apply(
        self, amended: ApplicationAmended, event: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """Amend each of the application's cases still open; a decided one stays as decided."""
        reason = f"申请人更正申请 (application amended): {amended.reason}"
        async for case in self.cases_of(amended.application_id, conn):
            if case.amend(
                amended.declared_monthly_income_fen,
                amended.declared_assets_fen,
                amended.bank_account,
                amended.reason,
            ):
                await self.save(case, event, reason, conn)
