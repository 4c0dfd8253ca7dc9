"""When the household withdraws its application, close the undecided verification cases."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.contracts.intake import ApplicationWithdrawn
from shared.eventstore.envelope import RecordedEvent
from verification.reactions.case_reaction import CaseReaction


class Withdrawals(CaseReaction):
    """Policy: intake.ApplicationWithdrawn → CaseWithdrawn for each case not yet decided."""

    async def close_undecided(
        self, withdrawn: ApplicationWithdrawn, event: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """Withdraw each of the application's cases still open; a decided one stays."""
        reason = f"申请人撤回申请 (application withdrawn): {withdrawn.reason}"
        async for case in self.cases_of(withdrawn.application_id, conn):
            if case.withdraw(withdrawn.reason):
                await self.save(case, event, reason, conn)
