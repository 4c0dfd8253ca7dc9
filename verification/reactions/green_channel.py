"""Green channel: assistance granted before verification, which must then decide by a date."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.eventstore.envelope import Actor, RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE, VerificationCase

SERVICE = "verification"
REASON = "已先行救助，须在期限内完成核查审批 (assistance granted first; verify by the date)"


async def note_prior_assistance(
    event: RecordedEvent, conn: AsyncConnection, repository: Repository[VerificationCase]
) -> None:
    """Policy: intake.PriorAssistanceGranted → VerificationDueSet on each follow-up case.

    The application may arrive after the grant: the date then waits in prior_assistance_due
    and is applied when the case opens.
    """
    data = event.data
    due_on = date.fromisoformat(data["verification_due"])
    if data.get("follow_up_application_id"):  # INT-7: the follow-up was filed before the grant
        await _set_due_on_follow_up(event, conn, repository, due_on)
    for programme in data.get("follow_up_programmes", []):
        if programme not in PROGRAMMES_DECIDED_HERE:
            continue
        await conn.execute(
            text(
                "INSERT INTO prior_assistance_due (case_id, programme, due_on, prior_programme)"
                " VALUES (:c, :p, :d, :prior) ON CONFLICT DO NOTHING"
            ),
            {"c": data["case_id"], "p": programme, "d": due_on, "prior": data["programme"]},
        )
        case = await repository.find(VerificationCase.id_for(data["case_id"], programme), conn)
        if case is not None and case.set_decide_by(due_on, data["programme"]):
            metadata = event.metadata.caused_by(
                event, Actor.system(SERVICE), channel="kafka", reason=REASON
            )
            await repository.save(case, metadata, conn)


async def _set_due_on_follow_up(
    event: RecordedEvent,
    conn: AsyncConnection,
    repository: Repository[VerificationCase],
    due_on: date,
) -> None:
    """The application that named the urgent case: each of its cases decided here is due."""
    application_id = str(event.data["follow_up_application_id"])
    for programme in PROGRAMMES_DECIDED_HERE:
        case = await repository.find(VerificationCase.id_for(application_id, programme), conn)
        if case is not None and case.set_decide_by(due_on, str(event.data["programme"])):
            metadata = event.metadata.caused_by(
                event, Actor.system(SERVICE), channel="kafka", reason=REASON
            )
            await repository.save(case, metadata, conn)


async def apply_waiting_due_date(
    case: VerificationCase, conn: AsyncConnection, case_id: str, programme: str
) -> None:
    """On opening, take over a due date from a grant that arrived first (records, not saves)."""
    row = (
        await conn.execute(
            text(
                "SELECT due_on, prior_programme FROM prior_assistance_due"
                " WHERE case_id = :c AND programme = :p"
            ),
            {"c": case_id, "p": programme},
        )
    ).first()
    if row is not None:
        case.set_decide_by(row.due_on, row.prior_programme)
