"""Complaints and reports (投诉举报核查, SUP-2): thin routes over the complaint aggregate."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Command, CommandRequest, change, create, in_jurisdiction
from shared.http.etag import etag_for
from shared.http.pagination import Page, encode_cursor, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, ServiceClock, Today
from shared.identity import jurisdiction_prefix
from supervision.application.complaints import (
    OrderAction,
    ReceiveComplaint,
    ensure_known_case,
    ensure_recoverable,
    order_action,
    receive,
)
from supervision.complaint_schemas import (
    ActionIn,
    AssignmentIn,
    ClosureIn,
    ComplaintCreate,
    ComplaintListItem,
    ComplaintRead,
    VerificationIn,
    read_of,
)
from supervision.domain.complaint import Complainant, Complaint
from supervision.entrypoints.wiring import ComplaintDeadlines, Complaints

router = APIRouter(prefix="/v1/complaints", tags=["complaints 投诉举报"])
READERS = require_roles(
    "inspector", "auditor", "county_officer", "city_officer", "province_officer"
)


@router.post(
    "",
    status_code=201,
    response_model=ComplaintRead,
    summary="登记投诉举报 Register a complaint (hotline, online, letter; anonymous allowed)",
    responses=problem_responses(400, 401, 403, 422),
)
async def register_complaint(
    body: ComplaintCreate,
    command: Command,
    complaints: Complaints,
    clock: ServiceClock,
    deadlines: ComplaintDeadlines,
    today: Today,
    engine: Engine,
) -> JSONResponse:
    """Register the complaint with its deadline; the complainant is shown only to the handler.

    A `subject_case_id` must name a case supervision has seen (any service's event of it reached
    the audit trail) in the caller's jurisdiction, else 422 `unknown-case` naming the field; a
    complaint about no case in particular leaves it out."""
    ensure_jurisdiction(command.principal, body.division_code)
    await ensure_known_case(
        engine, command.principal.division, body.subject_case_id, "subject_case_id"
    )
    who = body.complainant
    cmd = ReceiveComplaint(
        channel=body.channel,
        anonymous=body.anonymous,
        complainant=Complainant(**who.model_dump()) if who else None,
        division_code=body.division_code,
        subject_case_id=body.subject_case_id,
        allegation=body.allegation,
        summary=body.summary,
    )
    complaint = receive(cmd, clock, deadlines)
    return await create(
        command,
        complaints,
        complaint,
        reason="登记投诉举报",
        answer=lambda c: read_of(c, command.principal, today),
        location=f"/v1/complaints/{complaint.id}",
    )


@router.get(
    "",
    response_model=Page[ComplaintListItem],
    summary="投诉举报列表 Complaints in your jurisdiction (filter by status, overdue)",
    responses=problem_responses(400, 401, 403),
)
async def list_complaints(
    engine: Engine,
    today: Today,
    status: str | None = Query(None, pattern="^(received|assigned|verified|closed)$"),
    overdue: bool | None = Query(None, description="only complaints past their deadline"),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(READERS),
) -> Page[ComplaintListItem]:
    """Complaints of the caller's division, oldest deadline first."""
    params: dict[str, Any] = {
        "prefix": jurisdiction_prefix(principal.division) + "%",
        "status": status,
        "today": today,
        "after_due": date.fromisoformat(cursor["due_on"]) if cursor else date.min,
        "after_id": cursor["id"] if cursor else "",
        "limit": limit + 1,
    }
    where = ["division_code LIKE :prefix", "(due_on, complaint_id) > (:after_due, :after_id)"]
    if status:
        where.append("status = :status")
    if overdue is not None:
        where.append(("" if overdue else "NOT ") + "(status <> 'closed' AND due_on < :today)")
    query = text(
        f"SELECT * FROM complaints_view WHERE {' AND '.join(where)}"
        " ORDER BY due_on, complaint_id LIMIT :limit"
    )
    async with engine.connect() as conn:
        rows = [dict(r._mapping) for r in await conn.execute(query, params)]
    items = [_item(row, today) for row in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = (
        encode_cursor({"due_on": last["due_on"].isoformat(), "id": last["complaint_id"]})
        if last
        else None
    )
    return Page(items=items, next_cursor=next_cursor)


def _item(row: dict[str, Any], today: date) -> ComplaintListItem:
    return ComplaintListItem(
        **{k: row[k] for k in ComplaintListItem.model_fields if k in row},
        overdue=row["status"] != "closed" and row["due_on"] < today,
    )


@router.get(
    "/{complaint_id}",
    response_model=ComplaintRead,
    summary="查阅投诉举报 Get a complaint (the complainant only for the handling inspector)",
    responses=problem_responses(401, 403, 404),
)
async def get_complaint(
    complaint_id: str,
    response: Response,
    complaints: Complaints,
    today: Today,
    principal: Principal = Depends(READERS),
) -> ComplaintRead:
    """The complaint at its current version, with its ETag."""
    complaint = await complaints.get(complaint_id)
    assert complaint.received is not None
    ensure_jurisdiction(principal, complaint.received.division_code)
    response.headers["ETag"] = etag_for(complaint.version)
    return read_of(complaint, principal, today)


async def _step(
    command: CommandRequest,
    complaints: Repository[Complaint],
    today: date,
    complaint_id: str,
    step: Callable[[Complaint], None],
    reason: str,
    case_of: Callable[[Complaint], str] | None = None,
) -> JSONResponse:
    """Take the step on the complaint at its If-Match version, in the caller's jurisdiction."""
    return await change(
        command,
        complaints,
        complaint_id,
        authorise=in_jurisdiction(command, _division),
        act=lambda complaint, _: step(complaint),
        reason=reason,
        answer=lambda complaint: read_of(complaint, command.principal, today),
        case_of=case_of,
    )


def _division(complaint: Complaint) -> str:
    assert complaint.received is not None
    return complaint.received.division_code


@router.post(
    "/{complaint_id}/assignment",
    response_model=ComplaintRead,
    summary="交办 Assign the complaint to an inspector (If-Match)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 428),
)
async def assign_complaint(
    complaint_id: str,
    body: AssignmentIn,
    command: Command,
    complaints: Complaints,
    today: Today,
) -> JSONResponse:
    """Give the complaint to one inspector, never to the caller (403
    `complaint-assigned-to-self`): the complainant is shown to the inspector it is assigned to
    alone, and only to a caller of the inspector role."""
    return await _step(
        command,
        complaints,
        today,
        complaint_id,
        lambda c: c.assign(body.inspector_id, command.principal.subject),
        "交办核查",
    )


@router.post(
    "/{complaint_id}/verification",
    response_model=ComplaintRead,
    summary="核查结论 Record the finding: upheld or not (handling inspector, If-Match)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 428),
)
async def verify_complaint(
    complaint_id: str,
    body: VerificationIn,
    command: Command,
    complaints: Complaints,
    today: Today,
) -> JSONResponse:
    """The handling inspector's finding."""
    reason = "核查属实" if body.upheld else "核查不属实"
    inspector = command.principal.subject
    return await _step(
        command,
        complaints,
        today,
        complaint_id,
        lambda c: c.verify(inspector, body.upheld, body.findings),
        reason,
    )


@router.post(
    "/{complaint_id}/corrective-actions",
    response_model=ComplaintRead,
    summary="责令整改 Order a corrective action (re-check, suspend, recover)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def order_corrective_action(
    complaint_id: str,
    body: ActionIn,
    command: Command,
    complaints: Complaints,
    today: Today,
    engine: Engine,
) -> JSONResponse:
    """Append `supervision.CorrectiveActionOrdered`, which verification and payments act on.

    A `case_id` other than the complaint's must name a case supervision has seen in the caller's
    jurisdiction, else 422 `unknown-case` naming `case_id`. A recovery must name a case
    supervision knows and a programme payments enrolled it in (422 naming `case_id` or
    `programme`); payments refuses on record an amount above what it paid the case in the
    programme (`payments.OverpaymentRecoveryRefused`)."""
    cmd = OrderAction(body.case_id, body.action, body.programme, body.amount_fen, body.reason)
    inspector = command.principal.subject

    async def order(complaint: Complaint, conn: AsyncConnection) -> None:
        order_action(complaint, inspector, cmd)  # the complaint's own rules first (409)
        # a refusal appends nothing
        await ensure_known_case(engine, command.principal.division, body.case_id, "case_id")
        await ensure_recoverable(complaint, cmd, conn)

    return await change(
        command,
        complaints,
        complaint_id,
        authorise=in_jurisdiction(command, _division),
        act=order,
        reason=body.reason,
        answer=lambda complaint: read_of(complaint, command.principal, today),
        case_of=lambda c: c.actions[-1].case_id,
    )


@router.post(
    "/{complaint_id}/closure",
    response_model=ComplaintRead,
    summary="反馈办结 Feed the outcome back and close (handling inspector, If-Match)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 428),
)
async def close_complaint(
    complaint_id: str,
    body: ClosureIn,
    command: Command,
    complaints: Complaints,
    today: Today,
) -> JSONResponse:
    """Record the feedback and close the complaint."""
    inspector = command.principal.subject
    return await _step(
        command,
        complaints,
        today,
        complaint_id,
        lambda c: c.close(inspector, body.feedback),
        "反馈办结",
    )
