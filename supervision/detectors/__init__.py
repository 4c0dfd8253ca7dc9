"""Irregularity detectors (SUP-3): incremental, one event at a time, each alert with evidence.

Each rule reads the event through its producer's published contract (`shared.contracts.<producer>`).
`Detectors` holds what the rules raise their alerts through (the store and the registry); the
bootstrap builds it from the wired service and subscribes its `reactions()`: one
`On(contract, rule)` per event type the detectors watch, every other type skipped.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.contracts import Contract, On, Reaction, Reactions
from shared.contracts.intake import (
    ReferralOpened,
    ReferralOverdue,
    StaffRelativeDeclared,
    UrgentCaseOpened,
    UrgentCaseOverdue,
)
from shared.contracts.payments import (
    BankAccountChanged,
    BeneficiaryEnrolled,
    BeneficiaryUnpayable,
    FundsAllocated,
    FundsArrived,
    PaymentSettled,
)
from shared.contracts.supervision import StaffRegistered
from shared.contracts.verification import (
    BenefitResumed,
    BenefitTerminated,
    CaseApproved,
    CaseOpened,
    CaseOverdue,
    DeathReported,
    EvidenceRecorded,
)
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
from supervision.detectors.deaths import on_death, on_death_reported, on_resumed
from supervision.detectors.funds import on_allocated, on_arrived
from supervision.detectors.money import (
    on_account_changed,
    on_amount,
    on_payment,
    on_termination,
    on_unpayable,
)
from supervision.detectors.people import on_approved, on_declared, on_evidence, on_staff
from supervision.detectors.tables import DetectorContext

C = TypeVar("C", bound=Contract)
Rule = Callable[[DetectorContext, C], Awaitable[None]]
"""A detector rule: the event as its producer's contract, in the context of its consumer."""


async def on_enrolled(ctx: DetectorContext, event: BeneficiaryEnrolled) -> None:
    """payments.BeneficiaryEnrolled: the amount the household is paid each month."""
    await on_amount(
        ctx, event.case_id, event.programme, event.division_code, event.monthly_amount_fen
    )


async def on_evidence_recorded(ctx: DetectorContext, event: EvidenceRecorded) -> None:
    """verification.EvidenceRecorded: a member found deceased, or owning assets."""
    if event.deceased:
        await on_death(ctx, event)
    await on_evidence(ctx, event)


class Detectors:
    """The detectors' consumer group, with the store and registry their alerts are appended
    through."""

    def __init__(self, store: EventStore, registry: EventRegistry, pseudonym_key: bytes) -> None:
        self.store = store
        self.registry = registry
        self.pseudonym_key = pseudonym_key

    def reactions(self) -> Reactions:
        """The consumer handler: each event type watched, read through its contract, to its rule."""
        return Reactions(
            On(CaseApproved, self.rule(on_approved)),
            On(EvidenceRecorded, self.rule(on_evidence_recorded)),
            On(DeathReported, self.rule(on_death_reported)),
            On(BenefitTerminated, self.rule(on_termination)),
            On(BenefitResumed, self.rule(on_resumed)),
            On(BeneficiaryEnrolled, self.rule(on_enrolled)),
            On(BankAccountChanged, self.rule(on_account_changed)),
            On(PaymentSettled, self.rule(on_payment)),
            On(BeneficiaryUnpayable, self.rule(on_unpayable)),
            On(FundsAllocated, self.rule(on_allocated)),
            On(FundsArrived, self.rule(on_arrived)),
            On(StaffRelativeDeclared, self.rule(on_declared)),
            On(StaffRegistered, self.rule(on_staff)),
            On(CaseOpened, self.rule(on_case_opened)),
            On(CaseOverdue, self.rule(on_case_overdue)),
            On(ReferralOpened, self.rule(on_referral_opened)),
            On(ReferralOverdue, self.rule(on_referral_overdue)),
            On(UrgentCaseOpened, self.rule(on_urgent_opened)),
            On(UrgentCaseOverdue, self.rule(on_urgent_overdue)),
        )

    def rule(self, check: Rule[C]) -> Reaction[C]:
        """A rule as a reaction: run in the consumer's transaction, raising through this store."""
        return _RuleReaction(self, check)

    def context(self, recorded: RecordedEvent, conn: AsyncConnection) -> DetectorContext:
        """What a rule needs for one event: the transaction, the event, how to raise an alert."""
        return DetectorContext(conn, recorded, self.store, self.registry, self.pseudonym_key)


@dataclass(frozen=True)
class _RuleReaction(Generic[C]):
    detectors: Detectors
    check: Rule[C]

    async def __call__(self, event: C, recorded: RecordedEvent, conn: AsyncConnection) -> None:
        await self.check(self.detectors.context(recorded, conn), event)
