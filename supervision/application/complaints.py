"""Complaint handling: registering with a deadline, ordering corrections, flagging overdue ones."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.application.repository import Repository
from shared.clock import CHINA, Clock
from shared.domain.errors import ConcurrencyConflict, DomainError
from shared.eventstore.envelope import Actor, EventMetadata
from shared.identity import covers
from shared.workcalendar.book import calendar_version
from shared.workdays import Workdays, library_calendar
from supervision.application.audit import case_division
from supervision.domain.complaint import (
    Allegation,
    Complainant,
    Complaint,
    ComplaintChannel,
    ComplaintReceived,
    CorrectiveAction,
    CorrectiveActionOrdered,
)

COMPLAINT_WORKING_DAYS = 15  # default policy parameter: days to verify and answer a complaint


@dataclass(frozen=True)
class ComplaintPolicy:
    """How long a complaint may take, on which calendar."""

    calendar: Workdays = field(default_factory=library_calendar)
    working_days: int = COMPLAINT_WORKING_DAYS

    def due_on(self, received_on: date) -> date:
        """The date the complaint must be answered by."""
        return self.calendar.add_working_days(received_on, self.working_days)

    def version_for(self, received_on: date) -> str | None:
        """The calendar versions the deadline of a complaint received that day is computed on."""
        return calendar_version(self.calendar, received_on, self.due_on(received_on))


@dataclass(frozen=True)
class ReceiveComplaint:
    """Register a complaint or report."""

    channel: ComplaintChannel
    anonymous: bool
    complainant: Complainant | None
    division_code: str
    subject_case_id: str | None
    allegation: Allegation
    summary: str


@dataclass(frozen=True)
class OrderAction:
    """Order a corrective action on a case (None: the case the upheld complaint is about)."""

    case_id: str | None
    action: CorrectiveAction
    programme: str | None
    amount_fen: int | None
    reason: str


def receive(cmd: ReceiveComplaint, clock: Clock, policy: ComplaintPolicy) -> Complaint:
    """A new complaint, registered with its deadline (its first events, to be appended)."""
    complaint = Complaint(str(uuid.uuid4()))
    received_on = clock.now().astimezone(CHINA).date()
    complaint.receive(
        ComplaintReceived(
            complaint_id=complaint.id,
            channel=cmd.channel,
            anonymous=cmd.anonymous,
            complainant=None if cmd.anonymous else cmd.complainant,
            division_code=cmd.division_code,
            subject_case_id=cmd.subject_case_id,
            allegation=cmd.allegation,
            summary=cmd.summary,
            received_on=received_on,
            due_on=policy.due_on(received_on),
            calendar_version=policy.version_for(received_on),
        )
    )
    return complaint


class UnknownCase(DomainError):
    """The order or complaint names a case no service has published an event of (or, for a
    complaint or another case's order, one outside the caller's jurisdiction)."""

    code = "unknown-case"
    status = 422
    title_en = "Unknown case"
    title_zh = "案件不存在"


class BenefitNotHeld(DomainError):
    """A recovery names a programme payments never enrolled the case in (it paid nothing)."""

    code = "benefit-not-held"
    status = 422
    title_en = "The case does not hold the programme"
    title_zh = "该案件未享受此救助项目"


# what supervision holds of the case: any event at all, and payments' enrolment in the programme
_HOLDINGS = text(
    """
    SELECT EXISTS (SELECT 1 FROM audit_trail WHERE case_id = :case_id) AS known,
        EXISTS (SELECT 1 FROM audit_trail WHERE case_id = :case_id
            AND type = 'payments.BeneficiaryEnrolled' AND data->>'programme' = :programme
        ) AS enrolled
    """
)


async def ensure_recoverable(complaint: Complaint, cmd: OrderAction, conn: AsyncConnection) -> None:
    """A recovery is of money payments paid: the case must be known and enrolled by payments in
    the programme (the amount against what was paid is payments' to check: it refuses on record,
    `payments.OverpaymentRecoveryRefused`)."""
    if cmd.action != CorrectiveAction.RECOVER_OVERPAYMENT:
        return
    case_id = complaint.case_for_action(cmd.case_id)
    params = {"case_id": case_id, "programme": cmd.programme}
    holdings = (await conn.execute(_HOLDINGS, params)).one()
    if not holdings.known:
        raise UnknownCase(
            f"no service has recorded case {case_id}",
            f"未找到案件 {case_id}",
            field="case_id",
        )
    if not holdings.enrolled:
        raise BenefitNotHeld(
            f"case {case_id} was never enrolled for payment in {cmd.programme}",
            f"案件 {case_id} 未纳入 {cmd.programme} 发放，无可追回资金",
            field="programme",
        )


def order_action(complaint: Complaint, inspector_id: str, cmd: OrderAction) -> None:
    """The handling inspector orders a correction (contract `supervision.CorrectiveActionOrdered`)
    on the case named, else on the case the complaint is about."""
    case_id = complaint.case_for_action(cmd.case_id)
    action = CorrectiveActionOrdered(
        action_id=str(uuid.uuid4()),
        case_id=case_id,
        action=cmd.action,
        programme=cmd.programme,
        amount_fen=cmd.amount_fen,
        reason=cmd.reason,
        complaint_id=complaint.id,
    )
    complaint.order(inspector_id, action)


async def flag_overdue(
    engine: AsyncEngine, repository: Repository[Complaint], clock: Clock
) -> list[str]:
    """Record `ComplaintOverdue` once for each open complaint past its deadline."""
    today = clock.now().astimezone(CHINA).date()
    async with engine.connect() as conn:
        result = await conn.execute(
            text(
                "SELECT complaint_id FROM complaints_view WHERE status <> 'closed'"
                " AND NOT overdue_flagged AND due_on < :today ORDER BY due_on LIMIT 500"
            ),
            {"today": today},
        )
        overdue = list(result.scalars())
    flagged = []
    metadata = EventMetadata(
        actor=Actor.system("supervision"), channel="deadline-watch", reason="投诉举报办理逾期"
    )
    for complaint_id in overdue:
        async with engine.begin() as conn:
            complaint = await repository.get(complaint_id, conn)
            complaint.flag_overdue()
            if not complaint.pending:
                continue
            try:
                await repository.save(complaint, replace(metadata, case_id=complaint_id), conn)
            except ConcurrencyConflict:
                continue  # changed meanwhile: the next pass looks again
            flagged.append(complaint_id)
    return flagged


async def ensure_known_case(
    engine: AsyncEngine, caller_division: str, case_id: str | None, field_name: str
) -> None:
    """Refuse (422 naming `field_name`) a case id that is in no service's event seen by
    supervision's audit trail, or whose residence is outside the caller's jurisdiction (the same
    answer: a caller learns nothing of cases it may not read)."""
    if case_id is None:
        return
    division = await case_division(engine, case_id)
    if division is None or not covers(caller_division, division):  # never placed: unseen
        raise UnknownCase(
            f"{field_name}: no case {case_id} in your jurisdiction has reached supervision",
            f"{field_name}：本辖区内监督系统中没有个案 {case_id}",
            field=field_name,
        )
