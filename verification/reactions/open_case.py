"""When intake registers an application, open a case for each programme decided here."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.eventstore.envelope import Actor, RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE, CaseOpened, VerificationCase

SERVICE = "verification"
OPENING_REASON = "乡镇已受理申请，建立核查案件 (application accepted by the township)"


async def open_cases_for_application(
    event: RecordedEvent, conn: AsyncConnection, repository: Repository[VerificationCase]
) -> None:
    """Policy: intake.ApplicationSubmitted → verification.CaseOpened per programme (idempotent)."""
    data = event.data
    for programme in data["programmes"]:
        if programme not in PROGRAMMES_DECIDED_HERE:
            continue
        case = VerificationCase(VerificationCase.id_for(data["application_id"], programme))
        if await repository.find(case.id, conn) is not None:
            continue
        case.open(_opened(data, programme))
        metadata = event.metadata.caused_by(
            event, Actor.system(SERVICE), channel="kafka", reason=OPENING_REASON
        )
        await repository.save(case, metadata, conn, expected_version=0)


def _opened(data: dict[str, Any], programme: str) -> CaseOpened:
    return CaseOpened(
        case_id=data["application_id"],
        programme=programme,
        division_code=data["division_code"],
        registration=data["registration"],
        household_size=len(data["members"]),
        declared_monthly_income_fen=data["declared_monthly_income_fen"],
        authorisation_ref=data["authorisation"]["document_ref"],
    )
