"""When the household withdraws its application, close the undecided verification cases."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.eventstore.envelope import Actor, RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE, VerificationCase

SERVICE = "verification"


async def close_on_withdrawal(
    event: RecordedEvent, conn: AsyncConnection, repository: Repository[VerificationCase]
) -> None:
    """Policy: intake.ApplicationWithdrawn → CaseWithdrawn for each case not yet decided."""
    data = event.data
    for programme in sorted(PROGRAMMES_DECIDED_HERE):
        case = await repository.find(
            VerificationCase.id_for(data["application_id"], programme), conn
        )
        if case is None or not case.withdraw(data["reason"]):
            continue
        metadata = event.metadata.caused_by(
            event,
            Actor.system(SERVICE),
            channel="kafka",
            reason=f"申请人撤回申请 (application withdrawn): {data['reason']}",
        )
        await repository.save(case, metadata, conn)
