"""Irregularity detectors (SUP-3): incremental, one event at a time, each alert with evidence."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore
from supervision.detectors.deadlines import (
    on_case_opened,
    on_case_overdue,
    on_referral_opened,
    on_referral_overdue,
    on_urgent_opened,
    on_urgent_overdue,
)
from supervision.detectors.funds import on_allocated, on_arrived
from supervision.detectors.money import (
    on_amount,
    on_death_reported,
    on_payment,
    on_termination,
    on_unpayable,
)
from supervision.detectors.money import on_death as _on_death
from supervision.detectors.people import on_approved, on_declared, on_evidence, on_staff
from supervision.detectors.tables import DetectorContext

Rule = Callable[[DetectorContext, dict[str, Any]], Awaitable[None]]


async def _enrolled(ctx: DetectorContext, data: dict[str, Any]) -> None:
    await on_amount(
        ctx, data["case_id"], data["programme"], data["division_code"], data["monthly_amount_fen"]
    )


async def _evidence(ctx: DetectorContext, data: dict[str, Any]) -> None:
    if data.get("deceased"):
        await _on_death(ctx, data)
    await on_evidence(ctx, data)


RULES: dict[str, Rule] = {
    "verification.CaseApproved": on_approved,
    "verification.EvidenceRecorded": _evidence,
    "verification.DeathReported": on_death_reported,
    "verification.BenefitTerminated": on_termination,
    "payments.BeneficiaryEnrolled": _enrolled,
    "payments.PaymentSettled": on_payment,
    "payments.BeneficiaryUnpayable": on_unpayable,
    "payments.FundsAllocated": on_allocated,
    "payments.FundsArrived": on_arrived,
    "intake.StaffRelativeDeclared": on_declared,
    "supervision.StaffRegistered": on_staff,
    "verification.CaseOpened": on_case_opened,
    "verification.CaseOverdue": on_case_overdue,
    "intake.ReferralOpened": on_referral_opened,
    "intake.ReferralOverdue": on_referral_overdue,
    "intake.UrgentCaseOpened": on_urgent_opened,
    "intake.UrgentCaseOverdue": on_urgent_overdue,
}


def detector_handler(
    store: EventStore, registry: EventRegistry
) -> Callable[[RecordedEvent, AsyncConnection], Awaitable[None]]:
    """The consumer handler: run the rule for the event's type in the consumer's transaction."""

    async def handle(event: RecordedEvent, conn: AsyncConnection) -> None:
        rule = RULES.get(event.type)
        if rule is not None:
            await rule(DetectorContext(conn, event, store, registry), event.data)

    return handle
