"""When verification decides or a benefit ends, track the programme and free INT-9 claims."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from intake.adapters import registry as claims
from intake.domain.application import Application
from intake.domain.application_events import Outcome
from shared.application.repository import Repository
from shared.contracts.payments import BeneficiaryTerminated
from shared.contracts.verification import BenefitTerminated, CaseApproved, CaseRejected
from shared.eventstore.envelope import Actor, RecordedEvent

SERVICE = "intake"
_REASON = "核查审批机关已作出决定 (decided by county civil affairs)"


class DecisionReactions:
    """Verification's decisions, tracked on the application of the programme (INT-4)."""

    def __init__(self, applications: Repository[Application]) -> None:
        self.applications = applications

    async def approved(
        self, event: CaseApproved, recorded: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """CaseApproved → ProgrammeDecided (approved); a migrated household's members hold the
        programme at the desk from now on (INT-9, ADR 0037)."""
        if event.migrated is not None:
            residents = [m.resident_id for m in event.members]
            head = next((m.resident_id for m in event.members if m.relation == "self"), "")
            await claims.hold_migrated(
                conn, event.case_id, event.division_code, head, residents, event.programme
            )
            return
        await self._track(event.case_id, event.programme, Outcome.APPROVED, _REASON, recorded, conn)

    async def rejected(
        self, event: CaseRejected, recorded: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """CaseRejected → ProgrammeDecided (rejected) with verification's reason; the claim on
        the programme is freed (INT-9)."""
        reason = event.reason or _REASON
        await self._track(event.case_id, event.programme, Outcome.REJECTED, reason, recorded, conn)
        await claims.release(conn, event.case_id, [event.programme])

    async def _track(
        self,
        application_id: str,
        programme: str,
        outcome: Outcome,
        reason: str,
        recorded: RecordedEvent,
        conn: AsyncConnection,
    ) -> None:
        application = await self.applications.find(application_id, conn)
        if application is None or application.outcomes.get(programme, "x") is not None:
            return  # not ours, or already tracked (a redelivery, or withdrawn meanwhile)
        if application.withdrawn:
            return
        application.decide(programme, outcome, "verification", reason)
        metadata = recorded.metadata.caused_by(
            recorded, Actor.system(SERVICE), channel="kafka", reason=_REASON
        )
        await self.applications.save(application, metadata, conn)


async def benefit_terminated(
    event: BenefitTerminated | BeneficiaryTerminated, recorded: RecordedEvent, conn: AsyncConnection
) -> None:
    """A benefit that ended frees its claim on the programme (INT-9): verification's termination,
    or payments' end of a benefit, a one-off once paid among them (PAY-8), whoever decided it (a
    partner agency, verification, or the caseload migration)."""
    await claims.release(conn, event.case_id, [event.programme])
