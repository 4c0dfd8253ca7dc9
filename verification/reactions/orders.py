"""What verification does with supervision's corrective orders (SUP-2, VER-7, ADR 0023 amended):
a re-check reopens investigation; a stop suspends the benefit on the case, so the county sees it
and resumes or terminates it. A recovery is payments' business."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.clock import CHINA
from shared.contracts.supervision import CorrectiveActionOrdered
from shared.eventstore.envelope import RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE, Stage
from verification.reactions.case_reaction import CaseReaction

log = logging.getLogger(__name__)


class SupervisionOrders(CaseReaction):
    """Policy: supervision.CorrectiveActionOrdered → RecheckOpened or BenefitSuspended."""

    async def carry_out(
        self, order: CorrectiveActionOrdered, event: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """The order's action on the cases it names; other actions are not verification's."""
        if order.action == "recheck":
            await self._recheck(order, event, conn)
        elif order.action == "suspend_benefit" and order.programme:
            await self._suspend(order, order.programme, event, conn)

    async def _recheck(
        self, order: CorrectiveActionOrdered, event: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """Reopen the named programme's case (every programme's when none is named) if its
        benefit is running or suspended."""
        programmes = [order.programme] if order.programme else sorted(PROGRAMMES_DECIDED_HERE)
        reason = f"监督部门责令复核 (supervision ordered a re-check): {order.reason}"
        for programme in programmes:
            case = await self.find(order.case_id, programme, conn)
            if case is None or case.stage not in (Stage.APPROVED, Stage.SUSPENDED):
                continue
            case.open_recheck(order.reason, order.complaint_id)
            await self.save(case, event, reason, conn)
            log.info("re-check opened", extra={"case_id": order.case_id, "programme": programme})

    async def _suspend(
        self,
        order: CorrectiveActionOrdered,
        programme: str,
        event: RecordedEvent,
        conn: AsyncConnection,
    ) -> None:
        """Suspend the running benefit from the month the order was made in, as the inspector
        who ordered it."""
        case = await self.find(order.case_id, programme, conn)
        ordered_on = event.recorded_at.astimezone(CHINA).date()
        reason = f"监督部门责令暂停发放 (supervision ordered a stop): {order.reason}"
        if case is None or not case.suspend_as_ordered(
            ordered_on, reason, order.action_id, order.complaint_id
        ):
            return
        await self.save(case, event, reason, conn, actor=event.metadata.actor)
        log.info("benefit suspended", extra={"case_id": order.case_id, "programme": programme})
