"""When intake registers an application, open a case for each programme decided here."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.clock import CHINA
from shared.contracts.intake import ApplicationSubmitted
from shared.eventstore.envelope import RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE, CaseOpened, VerificationCase
from verification.domain.events import Member
from verification.reactions.case_reaction import CaseReaction
from verification.reactions.green_channel import apply_waiting_due_date

OPENING_REASON = "乡镇已受理申请，建立核查案件 (application accepted by the township)"


class CaseOpening(CaseReaction):
    """Policy: intake.ApplicationSubmitted → verification.CaseOpened per programme (idempotent)."""

    async def open_cases(
        self, application: ApplicationSubmitted, event: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """Open the application's case of each programme decided here, unless already open."""
        opened_on = event.occurred_at.astimezone(CHINA).date()
        for programme in application.programmes:
            if programme not in PROGRAMMES_DECIDED_HERE:
                continue
            if await self.find(application.application_id, programme, conn) is not None:
                continue
            case = VerificationCase(VerificationCase.id_for(application.application_id, programme))
            case.open(_opened(application, programme, opened_on))
            case.flag_priorities(opened_on)
            await apply_waiting_due_date(case, conn, application.application_id, programme)
            if application.verification_due:  # INT-7: the follow-up of a green-channel grant
                case.set_decide_by(
                    application.verification_due, application.prior_assistance_programme or ""
                )
            await self.save(case, event, OPENING_REASON, conn, expected_version=0)


def _opened(application: ApplicationSubmitted, programme: str, opened_on: date) -> CaseOpened:
    members = tuple(
        Member(
            resident_id=m.resident_id,
            name=m.name,
            relation=m.relation,
            disability_grade=m.disability_grade,
            health=m.health,
            work=m.work,
            schooling=m.schooling,
        )
        for m in application.members
    )
    holder = application.bank_account_holder
    return CaseOpened(
        case_id=application.application_id,
        programme=programme,
        division_code=application.division_code,
        registration=application.registration,
        household_size=len(application.members),
        declared_monthly_income_fen=application.declared_monthly_income_fen,
        authorisation_ref=application.authorisation.document_ref,
        members=members,
        declared_assets_fen=application.declared_assets_fen,
        bank_account=application.bank_account,
        opened_on=opened_on,
        bank_account_holder_resident_id=holder.resident_id if holder else None,
    )
