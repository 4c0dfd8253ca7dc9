"""When supervision orders a re-check, reopen investigation of the approved benefit (VER-7)."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.eventstore.envelope import Actor, RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE, Stage, VerificationCase

log = logging.getLogger(__name__)
SERVICE = "verification"


async def open_recheck_on_order(
    event: RecordedEvent, conn: AsyncConnection, repository: Repository[VerificationCase]
) -> None:
    """Policy: supervision.CorrectiveActionOrdered(action=recheck) → RecheckOpened per programme."""
    data = event.data
    if data.get("action") != "recheck":
        return
    programmes = [data["programme"]] if data.get("programme") else sorted(PROGRAMMES_DECIDED_HERE)
    for programme in programmes:
        case = await repository.find(VerificationCase.id_for(data["case_id"], programme), conn)
        if case is None or case.stage not in (Stage.APPROVED, Stage.SUSPENDED):
            continue
        case.open_recheck(data["reason"], data.get("complaint_id"))
        metadata = event.metadata.caused_by(
            event,
            Actor.system(SERVICE),
            channel="kafka",
            reason=f"监督部门责令复核 (supervision ordered a re-check): {data['reason']}",
        )
        await repository.save(case, metadata, conn)
        log.info("re-check opened", extra={"case_id": data["case_id"], "programme": programme})
