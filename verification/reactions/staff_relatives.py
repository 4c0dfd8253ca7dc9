"""INT-10: a declared relative of an official puts the household under the county's scrutiny."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.contracts.intake import StaffRelativeDeclared
from shared.eventstore.envelope import RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE
from verification.reactions.case_reaction import CaseReaction

REASON = "近亲属备案：纳入县级必查并由县级审批 (declared relative of an official: county scrutiny)"


class DeclaredRelatives(CaseReaction):
    """Policy: intake.StaffRelativeDeclared → DeclaredRelativeNoted on each open case of the
    application (it follows ApplicationSubmitted on the same stream, so the cases exist)."""

    async def note(
        self, declared: StaffRelativeDeclared, event: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """Note the relative once on each of the application's cases."""
        for programme in PROGRAMMES_DECIDED_HERE:
            case = await self.find(declared.application_id, programme, conn)
            if case is not None and case.note_declared_relative(
                declared.member_resident_id, declared.official_role, declared.kinship
            ):
                await self.save(case, event, REASON, conn)
