"""INT-10: a declared relative of an official puts the household under the county's scrutiny."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.eventstore.envelope import Actor, RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE, VerificationCase

SERVICE = "verification"
REASON = "近亲属备案：纳入县级必查并由县级审批 (declared relative of an official: county scrutiny)"


async def note_staff_relative(
    event: RecordedEvent, conn: AsyncConnection, repository: Repository[VerificationCase]
) -> None:
    """Policy: intake.StaffRelativeDeclared → DeclaredRelativeNoted on each open case of the
    application (it follows ApplicationSubmitted on the same stream, so the cases exist)."""
    data = event.data
    for programme in PROGRAMMES_DECIDED_HERE:
        case_id = VerificationCase.id_for(str(data["application_id"]), programme)
        case = await repository.find(case_id, conn)
        if case is None:
            continue
        noted = case.note_declared_relative(
            str(data["member_resident_id"]), str(data["official_role"]), str(data["kinship"])
        )
        if noted:
            metadata = event.metadata.caused_by(
                event, Actor.system(SERVICE), channel="kafka", reason=REASON
            )
            await repository.save(case, metadata, conn)
