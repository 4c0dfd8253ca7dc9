"""When supervision orders a re-check, reopen investigation of the approved benefit (VER-7)."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.contracts.supervision import CorrectiveActionOrdered
from shared.eventstore.envelope import RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE, Stage
from verification.reactions.case_reaction import CaseReaction

log = logging.getLogger(__name__)


class Rechecks(CaseReaction):
    """Policy: supervision.CorrectiveActionOrdered(action=recheck) → RecheckOpened per programme."""

    async def open_on_order(
        self, order: CorrectiveActionOrdered, event: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """Reopen the named programme's case (every programme's when none is named) if its
        benefit is running or suspended; other corrective actions are not verification's."""
        if order.action != "recheck":
            return
        programmes = [order.programme] if order.programme else sorted(PROGRAMMES_DECIDED_HERE)
        reason = f"监督部门责令复核 (supervision ordered a re-check): {order.reason}"
        for programme in programmes:
            case = await self.find(order.case_id, programme, conn)
            if case is None or case.stage not in (Stage.APPROVED, Stage.SUSPENDED):
                continue
            case.open_recheck(order.reason, order.complaint_id)
            await self.save(case, event, reason, conn)
            log.info("re-check opened", extra={"case_id": order.case_id, "programme": programme})
