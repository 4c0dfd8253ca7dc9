"""What payments does when verification decides or supervision orders a stop (PAY-2)."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.application.enrol import enrol_approved_case, entitlement_of
from payments.application.one_off import pay_prior_assistance
from payments.domain.beneficiary import Beneficiary
from payments.domain.entitlement import Computed
from payments.domain.payment import OverpaymentRecoveryRecorded
from payments.reactions import agency_decisions, child_allowances
from shared.clock import CHINA
from shared.domain.errors import ConcurrencyConflict
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent

SERVICE = "payments"
REASONS = {
    "verification.CaseApproved": "县级审批通过，纳入发放名册 (approved case enrolled for payment)",
    "verification.BenefitAdjusted": "县级调整保障金额 (benefit adjusted by the county)",
    "verification.BenefitSuspended": "县级暂停发放 (benefit suspended by the county)",
    "verification.BenefitTerminated": "县级终止保障 (benefit terminated by the county)",
    "supervision.CorrectiveActionOrdered": "督查整改 (supervision ordered a corrective action)",
    "intake.PriorAssistanceGranted": "绿色通道先行救助，即时发放 (prior assistance paid at once)",
    agency_decisions.EVENT_TYPE: "协同部门决定：纳入发放或登记部门自行发放 (decided by a partner)",
    child_allowances.EVENT_TYPE: "县级认定儿童基本生活费，纳入发放 (child's allowance granted)",
    child_allowances.ENDED_TYPE: "县级终止儿童基本生活费 (child's allowance ended by the county)",
}


class DecisionReactions:
    """The policies of payments on other services' events."""

    def __init__(self, repos: Repositories | None = None) -> None:
        self._repos = repos

    def bind(self, repos: Repositories) -> None:
        """Give the policies their repositories once the runtime is wired."""
        self._repos = repos

    @property
    def repos(self) -> Repositories:
        """The bound repositories."""
        assert self._repos is not None, "DecisionReactions used before bind()"
        return self._repos

    async def __call__(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Dispatch one consumed event by its stable type name."""
        reason = REASONS.get(event.type)
        if reason is None:
            return
        metadata = _metadata(event, reason)
        data = event.data
        if event.type == "intake.PriorAssistanceGranted":
            granted_on = event.recorded_at.astimezone(CHINA).date()
            await pay_prior_assistance(data, granted_on, metadata, self.repos, conn)
        elif event.type == "verification.CaseApproved":
            await enrol_approved_case(data, metadata, self.repos, conn, event.metadata.actor)
        elif event.type == agency_decisions.EVENT_TYPE:
            await agency_decisions.on_agency_decision(
                data, metadata, self.repos, conn, event.metadata.actor
            )
        elif event.type == child_allowances.EVENT_TYPE:
            await child_allowances.on_child_allowance(
                data, metadata, self.repos, conn, event.metadata.actor
            )
        elif event.type == child_allowances.ENDED_TYPE:
            await child_allowances.on_child_allowance_ended(data, metadata, self.repos, conn)
        elif event.type == "verification.BenefitAdjusted":
            await self._adjust(data, metadata, conn)
        elif event.type == "verification.BenefitSuspended":
            await self._status(data, "suspend", data["reason"], metadata, conn)
        elif event.type == "verification.BenefitTerminated":
            await self._status(data, "terminate", data["reason"], metadata, conn)
        elif data.get("action") == "recover_overpayment":
            await self._recovery(data, metadata, conn)
        elif data.get("action") == "suspend_benefit" and data.get("programme"):
            # an order to stop (a complaint found true) stops at once: from the first day of
            # the month it was ordered in, so that month is not paid if not paid already
            ordered = event.recorded_at.astimezone(CHINA).date().replace(day=1)
            await self._status(
                {**data, "effective_from": ordered.isoformat()},
                "suspend", data["reason"], metadata, conn,
            )  # fmt: skip

    async def _recovery(
        self, data: dict[str, Any], metadata: EventMetadata, conn: AsyncConnection
    ) -> None:
        """Record the recovery once per order (its stream is keyed by the action id)."""
        event = OverpaymentRecoveryRecorded(
            data["action_id"], data["case_id"], data.get("programme"),
            int(data.get("amount_fen") or 0), data["reason"], data.get("complaint_id"),
        )  # fmt: skip
        new = self.repos.payments.registry.serialize(event, metadata)
        with contextlib.suppress(ConcurrencyConflict):  # the order was recorded already
            await self.repos.payments.store.append(f"recovery-{data['action_id']}", [new], 0, conn)

    async def _adjust(
        self, data: dict[str, Any], metadata: EventMetadata, conn: AsyncConnection
    ) -> None:
        beneficiary = await self._beneficiary(data, conn)
        if beneficiary is None or beneficiary.enrolled is None:
            raise LookupError(f"no beneficiary {data['case_id']}:{data['programme']} to adjust")
        amount = int(data["approved_monthly_amount_fen"])
        computed = Computed(
            amount, "approved", f"amount adjusted by the county: {amount} fen",
            f"县级调整后金额：{amount}分", None,
        )  # fmt: skip
        effective = date.fromisoformat(data["effective_from"])
        if beneficiary.recalculate(entitlement_of(beneficiary.enrolled, computed, effective)):
            await self.repos.beneficiaries.save(beneficiary, metadata, conn)

    async def _status(
        self,
        data: dict[str, Any],
        action: str,
        reason: str,
        metadata: EventMetadata,
        conn: AsyncConnection,
    ) -> None:
        beneficiary = await self._beneficiary(data, conn)
        if beneficiary is None or beneficiary.enrolled is None:
            raise LookupError(f"no beneficiary {data['case_id']}:{data['programme']} to {action}")
        effective = date.fromisoformat(data["effective_from"])
        changed = (
            beneficiary.suspend(effective, reason)
            if action == "suspend"
            else beneficiary.terminate(effective, reason)
        )
        if changed:
            await self.repos.beneficiaries.save(beneficiary, metadata, conn)

    async def _beneficiary(self, data: dict[str, Any], conn: AsyncConnection) -> Beneficiary | None:
        return await self.repos.beneficiaries.find(
            Beneficiary.id_for(data["case_id"], data["programme"]), conn
        )


def _metadata(event: RecordedEvent, reason: str) -> EventMetadata:
    metadata = event.metadata.caused_by(event, Actor.system(SERVICE), "kafka", reason)
    case_id = event.data.get("case_id") or metadata.case_id
    return EventMetadata(
        metadata.actor, metadata.channel, metadata.reason,
        metadata.correlation_id, metadata.causation_id, case_id,
    )  # fmt: skip
