"""What payments does when intake grants or a partner decides, verification decides, or
supervision orders a stop or a recovery (PAY-2, PAY-3, PAY-8, PAY-9)."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.application.enrol import (
    enrol_approved_case,
    entitlement_of,
    recomputed,
    standard_in_force,
)
from payments.application.one_off import pay_prior_assistance
from payments.domain.beneficiary import Beneficiary, BeneficiaryEnrolled
from payments.domain.entitlement import APPROVED, Computed
from payments.domain.payment import OverpaymentRecoveryRecorded, OverpaymentRecoveryRefused
from payments.reactions.agency_decisions import on_agency_decision
from payments.reactions.child_allowances import on_child_allowance, on_child_allowance_ended
from shared.clock import CHINA
from shared.contracts.intake import PriorAssistanceGranted, ProgrammeDecidedByAgency
from shared.contracts.supervision import CorrectiveActionOrdered
from shared.contracts.verification import (
    BenefitAdjusted,
    BenefitResumed,
    BenefitSuspended,
    BenefitTerminated,
    CaseApproved,
    ChildAllowanceAssessed,
    ChildAllowanceEnded,
)
from shared.domain.errors import ConcurrencyConflict
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent

SERVICE = "payments"
REASONS = {
    CaseApproved.TYPE: "县级审批通过，纳入发放名册 (approved case enrolled for payment)",
    BenefitAdjusted.TYPE: "县级调整保障金额 (benefit adjusted by the county)",
    BenefitSuspended.TYPE: "暂停发放 (benefit suspended)",  # the county's, a death's, an order's
    BenefitResumed.TYPE: "县级恢复发放 (benefit resumed by the county)",
    BenefitTerminated.TYPE: "县级终止保障 (benefit terminated by the county)",
    CorrectiveActionOrdered.TYPE: "督查整改 (supervision ordered a corrective action)",
    PriorAssistanceGranted.TYPE: "绿色通道先行救助，即时发放 (prior assistance paid at once)",
    ProgrammeDecidedByAgency.TYPE: (
        "协同部门决定：纳入发放或登记部门自行发放 (decided by a partner)"
    ),
    ChildAllowanceAssessed.TYPE: "县级认定儿童基本生活费，纳入发放 (child's allowance granted)",
    ChildAllowanceEnded.TYPE: "县级终止儿童基本生活费 (child's allowance ended by the county)",
}
"""Why payments acted, by the type of the event it acted on (the reason its events record)."""
_PAID = text(
    "SELECT coalesce(sum(amount_fen), 0) FROM payments_view"
    " WHERE case_id = :case_id AND programme = :programme AND status = 'settled'"
)


class DecisionReactions:
    """The policies of payments on other services' decisions, on the wired repositories. Each
    records what it appends as the system, caused by the event it reads."""

    def __init__(self, repos: Repositories) -> None:
        self.repos = repos

    async def pay_prior_assistance(
        self, grant: PriorAssistanceGranted, recorded: RecordedEvent, conn: AsyncConnection
    ) -> str:
        """Green channel: the grant is paid at once, within its cap (PAY-8)."""
        granted_on = recorded.recorded_at.astimezone(CHINA).date()
        metadata = _metadata(recorded, grant.case_id)
        return await pay_prior_assistance(grant, granted_on, metadata, self.repos, conn)

    async def enrol(
        self, approved: CaseApproved, recorded: RecordedEvent, conn: AsyncConnection
    ) -> bool:
        """An approved case is enrolled with its entitlement (PAY-2)."""
        metadata = _metadata(recorded, approved.case_id)
        actor = recorded.metadata.actor
        decided_at = recorded.recorded_at
        return await enrol_approved_case(approved, metadata, self.repos, conn, decided_at, actor)

    async def agency_decided(
        self, decision: ProgrammeDecidedByAgency, recorded: RecordedEvent, conn: AsyncConnection
    ) -> str:
        """A partner's approval is enrolled or recorded as paid by the partner (ADR 0032)."""
        metadata, actor = _metadata(recorded), recorded.metadata.actor
        return await on_agency_decision(
            decision, metadata, self.repos, conn, recorded.recorded_at, actor
        )

    async def child_allowance_assessed(
        self, assessed: ChildAllowanceAssessed, recorded: RecordedEvent, conn: AsyncConnection
    ) -> str:
        """A child's allowance granted is enrolled (PAY-9)."""
        metadata, actor = _metadata(recorded), recorded.metadata.actor
        return await on_child_allowance(
            assessed, metadata, self.repos, conn, recorded.recorded_at, actor
        )

    async def child_allowance_ended(
        self, ended: ChildAllowanceEnded, recorded: RecordedEvent, conn: AsyncConnection
    ) -> str:
        """A child's allowance the county ended early stops from the date it names (ADR 0042)."""
        return await on_child_allowance_ended(ended, _metadata(recorded), self.repos, conn)

    async def adjust(
        self, adjusted: BenefitAdjusted, recorded: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """The county's new monthly amount, fixed from its date (PAY-2)."""
        beneficiary, enrolled = await self._enrolled(
            adjusted.case_id, adjusted.programme, "adjust", conn
        )
        amount = adjusted.approved_monthly_amount_fen
        computed = Computed(
            amount,
            APPROVED,
            f"amount adjusted by the county: {amount} fen",
            f"县级调整后金额：{amount}分",
            None,
        )
        entitlement = entitlement_of(enrolled, computed, adjusted.effective_from)
        if beneficiary.recalculate(entitlement):
            metadata = _metadata(recorded, adjusted.case_id)
            await self.repos.beneficiaries.save(beneficiary, metadata, conn)

    async def suspend(
        self, suspended: BenefitSuspended, recorded: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """Payment stops from the county's date, pending clarification (PAY-3)."""
        await self._stop(
            suspended.case_id,
            suspended.programme,
            "suspend",
            suspended.effective_from,
            suspended.reason,
            _metadata(recorded, suspended.case_id, because=suspended.reason),
            conn,
        )

    async def resume(
        self, resumed: BenefitResumed, recorded: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """Payment runs again from the county's date, at its amount, for the members alive
        (ADR 0066); the next run pays back the months it left unpaid since the stop."""
        beneficiary, enrolled = await self._enrolled(
            resumed.case_id, resumed.programme, "resume", conn
        )
        if not beneficiary.resume(resumed.effective_from, resumed.reason, resumed.household_size):
            return
        start = max(resumed.effective_from, enrolled.effective_from)  # never before enrolment
        computed = await self._resumed_amount(resumed, beneficiary, start, conn)
        if computed is not None and computed.monthly_amount_fen != beneficiary.amount_on(start):
            beneficiary.recalculate(entitlement_of(enrolled, computed, start))
        await self.repos.beneficiaries.save(beneficiary, _metadata(recorded, resumed.case_id), conn)

    async def _resumed_amount(
        self,
        resumed: BenefitResumed,
        beneficiary: Beneficiary,
        start: date,
        conn: AsyncConnection,
    ) -> Computed | None:
        """The county's amount; without one, an amount by rule recomputed for the members alive
        under the standard in force (None: the amount in force goes on)."""
        amount, enrolled = resumed.approved_monthly_amount_fen, beneficiary.enrolled
        assert enrolled is not None
        if amount is not None:
            return Computed(
                amount,
                APPROVED,
                f"amount set by the county on resumption: {amount} fen",
                f"县级恢复发放核定金额：{amount}分",
                None,
            )
        if beneficiary.fixed_on(start) or resumed.household_size == enrolled.household_size:
            return None
        county, programme = enrolled.county_code, enrolled.programme
        standard = await standard_in_force(self.repos, conn, county, programme, start)
        return recomputed(enrolled, standard, resumed.household_size) if standard else None

    async def terminate(
        self, terminated: BenefitTerminated, recorded: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """The benefit ends from the county's date (PAY-3)."""
        await self._stop(
            terminated.case_id,
            terminated.programme,
            "terminate",
            terminated.effective_from,
            terminated.reason,
            _metadata(recorded, terminated.case_id, because=terminated.reason),
            conn,
        )

    async def correct(
        self, order: CorrectiveActionOrdered, recorded: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """Supervision's order: a recovery is recorded; a stop (a complaint found true) stops
        from the first day of the month it was ordered in, so that month is not paid if not paid
        already. A re-check is verification's business, and so is the stop of a benefit its case
        decides: payments takes that from the case's `BenefitSuspended` (ADR 0023 amended)."""
        metadata = _metadata(recorded, order.case_id, because=order.reason)
        if order.action == "recover_overpayment":
            await self._record_recovery(order, metadata, conn)
        elif order.action == "suspend_benefit" and order.programme:
            if await self._stopped_by_its_case(order.case_id, order.programme, conn):
                return
            ordered = recorded.recorded_at.astimezone(CHINA).date().replace(day=1)
            await self._stop(
                order.case_id, order.programme, "suspend", ordered, order.reason, metadata, conn
            )

    async def _stopped_by_its_case(
        self, case_id: str, programme: str, conn: AsyncConnection
    ) -> bool:
        """Whether verification's case records the benefit's stops (enrolled by its approval)."""
        _, enrolled = await self._enrolled(case_id, programme, "suspend", conn)
        return enrolled.stopped_by_its_case

    async def _record_recovery(
        self, order: CorrectiveActionOrdered, metadata: EventMetadata, conn: AsyncConnection
    ) -> None:
        """Record the recovery once per order (its stream is keyed by the action id), or its
        refusal: a benefit payments does not hold, or more than payments paid the case in the
        programme, is owed back on no record."""
        amount, programme = order.amount_fen or 0, order.programme
        held = programme is not None and await self.repos.beneficiaries.find(
            Beneficiary.id_for(order.case_id, programme), conn
        )
        paid = 0
        if held:
            params = {"case_id": order.case_id, "programme": programme}
            paid = int((await conn.execute(_PAID, params)).scalar_one())
        refusal = _recovery_refusal(bool(held), amount, paid)
        event: OverpaymentRecoveryRecorded | OverpaymentRecoveryRefused
        if refusal is None:
            event = OverpaymentRecoveryRecorded(
                order.action_id, order.case_id, programme, amount, order.reason, order.complaint_id
            )
        else:
            event = OverpaymentRecoveryRefused(
                order.action_id, order.case_id, programme, amount, paid, refusal, order.complaint_id
            )
        new = self.repos.payments.registry.serialize(event, metadata)
        with contextlib.suppress(ConcurrencyConflict):  # the order was recorded already
            await self.repos.payments.store.append(f"recovery-{order.action_id}", [new], 0, conn)

    async def _stop(
        self,
        case_id: str,
        programme: str,
        action: str,
        effective: date,
        reason: str,
        metadata: EventMetadata,
        conn: AsyncConnection,
    ) -> None:
        beneficiary, _ = await self._enrolled(case_id, programme, action, conn)
        changed = (
            beneficiary.suspend(effective, reason)
            if action == "suspend"
            else beneficiary.terminate(effective, reason)
        )
        if changed:
            await self.repos.beneficiaries.save(beneficiary, metadata, conn)

    async def _enrolled(
        self, case_id: str, programme: str, action: str, conn: AsyncConnection
    ) -> tuple[Beneficiary, BeneficiaryEnrolled]:
        """The beneficiary the county's decision is about; its enrolment precedes it on the
        stream, so none is a delivery out of order (the consumer retries, then parks it)."""
        found = await self.repos.beneficiaries.find(Beneficiary.id_for(case_id, programme), conn)
        if found is None or found.enrolled is None:
            raise LookupError(f"no beneficiary {case_id}:{programme} to {action}")
        return found, found.enrolled


def _recovery_refusal(held: bool, amount: int, paid: int) -> str | None:
    """Why a recovery order cannot stand, or None: it needs a benefit payments holds and an
    amount above zero and within what payments paid on it."""
    if not held:
        return "no-beneficiary"
    if amount <= 0:
        return "no-amount"
    return "exceeds-paid" if amount > paid else None


def _metadata(
    recorded: RecordedEvent, case_id: str | None = None, because: str | None = None
) -> EventMetadata:
    """As the system, caused by the event read, for the reason of its type followed by the
    decision's own (`because`: why it was taken); on the case it is about (else the case its
    producer named)."""
    reason = REASONS[recorded.type] + (f"：{because}" if because else "")
    metadata = recorded.metadata.caused_by(recorded, Actor.system(SERVICE), "kafka", reason)
    return replace(metadata, case_id=case_id or metadata.case_id)
