"""Intake's application routes for partner systems: thin — build a command, dispatch, answer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import asyncpg
from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from intake.adapters import registry as claims
from intake.application.submit import SubmitApplication, flag_household_conflict, new_application_id
from intake.application.submit import submit_application as record_application
from intake.domain.application import Application
from intake.domain.application_events import ApplicationAmended
from intake.domain.duplicates import MemberInAnotherHousehold
from intake.domain.programmes import Agency, Programme
from intake.entrypoints.common import (
    APPLICATION_READERS,
    Accepted,
    ensure_role,
    programmes_read_by,
)
from intake.entrypoints.reads import (
    find_application,
    page_of_applications,
    programmes_of,
    read_from_row,
)
from intake.entrypoints.wiring import Applications, HandIns, UrgentCases
from intake.schemas import (
    ApplicationAmend,
    ApplicationCreate,
    ApplicationRead,
    CommandAccepted,
    Withdrawal,
)
from shared.domain.errors import NotFound
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.commands import Command, CommandRequest, change, in_jurisdiction
from shared.http.etag import etag_for
from shared.http.idempotency import StoredResponse
from shared.http.pagination import Page, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.identity import division_code_or_empty

router = APIRouter(prefix="/v1", tags=["applications 申请"])


@router.post(
    "/applications",
    status_code=201,
    response_model=ApplicationRead,
    summary="受理登记申请 Accept and register a household application",
    responses=problem_responses(400, 401, 403, 404, 409, 422),  # 404: no such urgent_case_id
)
async def submit_application(
    body: ApplicationCreate,
    repository: Applications,
    hand_ins: HandIns,
    urgent_cases: UrgentCases,
    today: Today,
    command: Command,
) -> JSONResponse:
    """Register a household's application for one or more programmes (one door, INT-2/4/9/10).

    INT-9 refusals, each naming the member's field:
    - 409 `duplicate-open-application`: the member holds an open application or benefit for
      that programme, in any jurisdiction (the problem names `programme`);
    - 409 `member-in-another-household`: the member belongs to another household with an open
      case: one with another head, or one the same head heads in another township. Supervision
      is told (`intake.HouseholdConflictFlagged`)."""
    # INT-3: a township/street officer (the access table), in their own township
    ensure_jurisdiction(command.principal, body.division_code)
    application_id = new_application_id()
    metadata = command.metadata("受理登记申请", application_id)
    cmd = SubmitApplication(body, metadata, application_id, today, hand_ins, urgent_cases)

    async def operation(conn: asyncpg.Connection) -> StoredResponse:
        recorded = await record_application(cmd, repository, conn)
        read = _created(cmd, recorded[-1].stream_version, recorded[0].recorded_at, today)
        headers = {"Location": f"/v1/applications/{application_id}", "ETag": etag_for(read.version)}
        return StoredResponse(201, read.model_dump(mode="json"), headers)

    try:  # the one-door hot path, several streams: its unit of work runs on the driver (ADR 0012)
        return await command.respond_on_driver(operation)
    except MemberInAnotherHousehold as conflict:
        await flag_household_conflict(repository.store, repository.registry, conflict, cmd)
        raise


@router.get(
    "/applications",
    response_model=Page[ApplicationRead],
    summary="申请列表 List applications within your jurisdiction",
    responses=problem_responses(400, 401, 403, 422),
)
async def list_applications(
    engine: Engine,
    today: Today,
    division: str | None = Query(
        None,
        description="a division inside your jurisdiction",
        json_schema_extra=division_code_or_empty(),
    ),
    programme: Programme | None = None,
    status: str | None = Query(None, pattern="^(open|decided|withdrawn)$"),
    awaiting_agency: Agency | None = Query(
        None, description="only applications with a programme awaiting this agency's decision"
    ),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(current_principal),
) -> Page[ApplicationRead]:
    """Applications filtered by division, programme and status, oldest first, by cursor.

    Civil affairs officers, inspectors and auditors read every application of their
    jurisdiction; a partner department's role (`health_insurance`, `education_bureau` ...) only
    those applying for a programme it decides (ADR 0032). The generic `partner_agency` client
    submits and decides none, so it reads none: 403 `role-not-allowed` (ADR 0065)."""
    ensure_role(principal, APPLICATION_READERS, "查阅申请")
    scope = division or principal.division
    ensure_jurisdiction(principal, scope)
    filters = {"programme": programme, "status": status, "awaiting_agency": awaiting_agency}
    readable = programmes_read_by(principal)
    return await page_of_applications(engine, scope, filters, limit, cursor, today, readable)


@router.get(
    "/applications/{application_id}",
    response_model=ApplicationRead,
    summary="查询申请 Get an application",
    responses=problem_responses(401, 403, 404),
)
async def get_application(
    application_id: str,
    response: Response,
    engine: Engine,
    today: Today,
    principal: Principal = Depends(current_principal),
) -> ApplicationRead:
    """The application as the read model holds it, with its version as ETag.

    Read as the list is (ADR 0032, 0065): a partner department gets 404 for an application
    applying for no programme it decides; the generic `partner_agency` client gets 403."""
    ensure_role(principal, APPLICATION_READERS, "查阅申请")
    row = await find_application(engine, application_id)
    readable = programmes_read_by(principal)
    if row is None or (readable is not None and not set(readable) & set(programmes_of(row))):
        raise NotFound(f"application {application_id} not found", "未找到该申请")
    ensure_jurisdiction(principal, row["division_code"])
    response.headers["ETag"] = etag_for(row["version"])
    return read_from_row(row, today)


@router.post(
    "/applications/{application_id}/amendments",
    response_model=CommandAccepted,
    summary="补正申请 Amend declared income, assets or bank account (If-Match)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def amend_application(
    application_id: str,
    body: ApplicationAmend,
    applications: Applications,
    command: Command,
) -> JSONResponse:
    """Correct the declared figures or the bank account while a programme is still pending.

    The correction reaches verification over the bus (ADR 0056): each case still undecided
    verifies, approves and pays on it from then on. A case decided before it arrives keeps its
    decision; the account a benefit is paid into then changes in payments
    (`PUT /v1/beneficiaries/{case_id}/{programme}/bank-account`). An application withdrawn or
    fully decided answers 409."""
    amendment = ApplicationAmended(application_id, **body.model_dump())
    return await _change(
        command, applications, application_id, body.reason, lambda a: a.amend(amendment)
    )


@router.post(
    "/applications/{application_id}/withdrawal",
    response_model=CommandAccepted,
    summary="撤回申请 Withdraw the application (If-Match)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def withdraw_application(
    application_id: str,
    body: Withdrawal,
    applications: Applications,
    command: Command,
) -> JSONResponse:
    """Withdraw; the INT-9 claims of the household are freed in the same transaction."""
    return await _change(
        command, applications, application_id, body.reason, lambda a: a.withdraw(body.reason)
    )


async def _change(
    command: CommandRequest,
    applications: Applications,
    application_id: str,
    reason: str,
    step: Callable[[Application], None],
) -> JSONResponse:
    """The household's change by the township that accepted it (its own township, INT-3)."""

    async def act(application: Application, conn: AsyncConnection) -> None:
        step(application)
        if application.withdrawn:
            await _release_all(conn, application)

    accepted = Accepted(act)
    return await change(
        command,
        applications,
        application_id,
        authorise=in_jurisdiction(command, lambda a: a.division_code),
        act=accepted.act,
        reason=reason,
        answer=accepted.answer,
    )


async def _release_all(conn: AsyncConnection, application: Application) -> None:
    pending = [p for p, outcome in application.outcomes.items() if outcome is None]
    await claims.release(conn, application.id, pending)


def _created(cmd: SubmitApplication, version: int, at: Any, today: date) -> ApplicationRead:
    body = cmd.request
    row = {
        "application_id": cmd.application_id,
        "version": version,
        "division_code": body.division_code,
        "registration": body.registration,
        "programmes": list(body.programmes),
        "routes": [],
        "status": "open",
        "members": [m.model_dump() for m in body.members],
        "declared_monthly_income_fen": body.declared_monthly_income_fen,
        "declared_assets_fen": body.declared_assets_fen,
        "bank_account_holder": (
            body.bank_account_holder.model_dump() if body.bank_account_holder else None
        ),
        "staff_relative": bool(body.staff_relatives),
        "details": {str(p): d for p, d in body.programme_details.items()},
        "accepted_by": cmd.metadata.actor.id,
        "accepted_at": at,
    }
    return read_from_row(row, today, with_routes_from_programmes=True)
