"""Green channel: assistance granted before verification, which must then decide by a date."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.contracts.intake import PriorAssistanceGranted
from shared.eventstore.envelope import RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE, VerificationCase
from verification.reactions.case_reaction import CaseReaction

REASON = "已先行救助，须在期限内完成核查审批 (assistance granted first; verify by the date)"


class GreenChannel(CaseReaction):
    """Policy: intake.PriorAssistanceGranted → VerificationDueSet on each follow-up case.

    The application may arrive after the grant: the date then waits in prior_assistance_due
    and is applied when the case opens.
    """

    async def note_prior_assistance(
        self, grant: PriorAssistanceGranted, event: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """Set the grant's due date on its follow-up cases, or keep it until they open."""
        if grant.follow_up_application_id:  # INT-7: the follow-up was filed before the grant
            for programme in PROGRAMMES_DECIDED_HERE:
                await self._set_due(grant.follow_up_application_id, programme, grant, event, conn)
        for programme in grant.follow_up_programmes:
            if programme not in PROGRAMMES_DECIDED_HERE:
                continue
            await conn.execute(
                text(
                    "INSERT INTO prior_assistance_due (case_id, programme, due_on, prior_programme)"
                    " VALUES (:c, :p, :d, :prior) ON CONFLICT DO NOTHING"
                ),
                {
                    "c": grant.case_id,
                    "p": programme,
                    "d": grant.verification_due,
                    "prior": grant.programme,
                },
            )
            await self._set_due(grant.case_id, programme, grant, event, conn)

    async def _set_due(
        self,
        application_id: str,
        programme: str,
        grant: PriorAssistanceGranted,
        event: RecordedEvent,
        conn: AsyncConnection,
    ) -> None:
        case = await self.find(application_id, programme, conn)
        if case is not None and case.set_decide_by(grant.verification_due, grant.programme):
            await self.save(case, event, REASON, conn)


async def apply_waiting_due_date(
    case: VerificationCase, conn: AsyncConnection, case_id: str, programme: str
) -> None:
    """On opening, take over a due date from a grant that arrived first (records, not saves)."""
    row = (
        await conn.execute(
            text(
                "SELECT due_on, prior_programme FROM prior_assistance_due"
                " WHERE case_id = :c AND programme = :p"
            ),
            {"c": case_id, "p": programme},
        )
    ).first()
    if row is not None:
        case.set_decide_by(row.due_on, row.prior_programme)
