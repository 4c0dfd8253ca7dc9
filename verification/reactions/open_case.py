"""When intake registers an application, open a case for each programme decided here."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.clock import CHINA
from shared.eventstore.envelope import Actor, RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE, CaseOpened, VerificationCase
from verification.domain.events import Member
from verification.reactions.green_channel import apply_waiting_due_date

SERVICE = "verification"
OPENING_REASON = "乡镇已受理申请，建立核查案件 (application accepted by the township)"


async def open_cases_for_application(
    event: RecordedEvent, conn: AsyncConnection, repository: Repository[VerificationCase]
) -> None:
    """Policy: intake.ApplicationSubmitted → verification.CaseOpened per programme (idempotent)."""
    data = event.data
    opened_on = event.occurred_at.astimezone(CHINA).date()
    for programme in data["programmes"]:
        if programme not in PROGRAMMES_DECIDED_HERE:
            continue
        case = VerificationCase(VerificationCase.id_for(data["application_id"], programme))
        if await repository.find(case.id, conn) is not None:
            continue
        case.open(_opened(data, programme, opened_on))
        case.flag_priorities(opened_on)
        await apply_waiting_due_date(case, conn, data["application_id"], programme)
        if data.get("verification_due"):  # INT-7: the follow-up of a green-channel grant
            case.set_decide_by(
                date.fromisoformat(data["verification_due"]),
                str(data.get("prior_assistance_programme") or ""),
            )
        metadata = event.metadata.caused_by(
            event, Actor.system(SERVICE), channel="kafka", reason=OPENING_REASON
        )
        await repository.save(case, metadata, conn, expected_version=0)


def _opened(data: dict[str, Any], programme: str, opened_on: date) -> CaseOpened:
    members = tuple(
        Member(
            resident_id=m["resident_id"],
            name=m["name"],
            relation=m["relation"],
            disability_grade=m.get("disability_grade"),
            health=m.get("health"),
            work=m.get("work"),
            schooling=m.get("schooling"),
        )
        for m in data["members"]
    )
    return CaseOpened(
        case_id=data["application_id"],
        programme=programme,
        division_code=data["division_code"],
        registration=data["registration"],
        household_size=len(data["members"]),
        declared_monthly_income_fen=data["declared_monthly_income_fen"],
        authorisation_ref=(data.get("authorisation") or {}).get("document_ref", ""),
        members=members,
        declared_assets_fen=data.get("declared_assets_fen", 0),
        bank_account=data.get("bank_account"),
        opened_on=opened_on,
        bank_account_holder_resident_id=(data.get("bank_account_holder") or {}).get("resident_id"),
    )
