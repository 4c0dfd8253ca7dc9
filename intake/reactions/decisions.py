"""When verification decides or ends a benefit, track the programme and free INT-9 claims."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from intake.adapters import registry as claims
from intake.domain.application import Application
from intake.domain.application_events import Outcome
from shared.application.repository import Repository
from shared.eventstore.envelope import Actor, RecordedEvent

SERVICE = "intake"
_OUTCOMES = {
    "verification.CaseApproved": Outcome.APPROVED,
    "verification.CaseRejected": Outcome.REJECTED,
}
_REASON = "核查审批机关已作出决定 (decided by county civil affairs)"


async def on_verification_event(
    event: RecordedEvent, conn: AsyncConnection, applications: Repository[Application]
) -> None:
    """Policy: CaseApproved/CaseRejected → ProgrammeDecided; rejection/termination frees claims."""
    data = event.data
    if event.type in _OUTCOMES:
        await _track_decision(event, conn, applications, _OUTCOMES[event.type])
    if event.type in ("verification.CaseRejected", "verification.BenefitTerminated"):
        await claims.release(conn, str(data["case_id"]), [str(data["programme"])])


async def _track_decision(
    event: RecordedEvent,
    conn: AsyncConnection,
    applications: Repository[Application],
    outcome: Outcome,
) -> None:
    data = event.data
    application = await applications.find(str(data["case_id"]), conn)
    programme = str(data["programme"])
    if application is None or application.outcomes.get(programme, "x") is not None:
        return  # not ours, or already tracked (a redelivery, or withdrawn meanwhile)
    if application.withdrawn:
        return
    reason = str(data.get("reason") or _REASON)
    application.decide(programme, outcome, "verification", reason)
    metadata = event.metadata.caused_by(
        event, Actor.system(SERVICE), channel="kafka", reason=_REASON
    )
    await applications.save(application, metadata, conn)
