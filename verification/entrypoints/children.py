"""The children register (VER-10): the township registers a child with the guardian and records
care visits; the county assesses orphans and children in difficulty for an allowance (PAY-9)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.http.auth import ensure_jurisdiction
from shared.http.commands import Command, change
from shared.http.etag import etag_for
from shared.http.idempotency import StoredResponse
from shared.http.pagination import Page, encode_cursor, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine
from shared.identity import jurisdiction_prefix
from verification.application.policies import InForce
from verification.care_schemas import (
    AllowanceAssessmentIn,
    AllowanceEndIn,
    CareVisitIn,
    ChildIn,
    ChildSummary,
    ChildView,
    GuardianIn,
    child_view,
)
from verification.domain.children import (
    ELIGIBILITY_RULE,
    CareVisitRecorded,
    Category,
    Child,
    ChildAllowanceAssessed,
    ChildRegistered,
    Guardian,
    GuardianshipStatus,
)
from verification.domain.policy_book import CHILD_ALLOWANCE_AGE_LIMIT
from verification.entrypoints.care_common import READ_REGISTER, division_of
from verification.entrypoints.common import COUNTY, TOWNSHIP, at_level, ensure_level
from verification.entrypoints.wiring import Register, VerificationService

router = APIRouter(prefix="/v1", tags=["children 儿童关爱保护"])
ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)
REGISTERED = "登记农村留守儿童、困境儿童 (child put on the register)"
VISITED = "乡镇关爱走访 (care visit recorded)"
_LIST = text(
    "SELECT * FROM children_view WHERE division_code LIKE :prefix AND child_id > :after"
    " AND (CAST(:category AS text) IS NULL OR category = :category)"
    " AND (CAST(:status AS text) IS NULL OR guardianship_status = :status)"
    " AND (CAST(:follow_up AS boolean) IS NULL OR follow_up_needed = :follow_up)"
    " ORDER BY child_id LIMIT :limit"
)


@router.post(
    "/children",
    status_code=201,
    response_model=ChildView,
    summary="儿童登记 Put a left-behind child or a child in difficulty on the register (VER-10)",
    responses=problem_responses(400, 401, 403, 409, 422),
)
async def register_child(body: ChildIn, command: Command, register: Register) -> JSONResponse:
    """The child's township registers a minor once (409 for a resident ID already on it), with
    the guardian unless nobody looks after the child."""
    ensure_level(command.principal, TOWNSHIP, body.division_code)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        child = Child(str(uuid.uuid4()))
        child.register(
            ChildRegistered(
                child.id,
                body.resident_id,
                body.name,
                body.division_code,
                body.division_code[:6],
                body.registration,
                body.category,
                body.guardianship_status,
                _guardian(body.guardian),
                register.today(),
            )
        )
        await register.claim(body.resident_id, child.id, conn)
        await register.save(child, command.metadata(REGISTERED, child.id), conn)
        headers = {"Location": f"/v1/children/{child.id}", "ETag": etag_for(child.version)}
        view = child_view(child, register.today())
        return StoredResponse(201, view.model_dump(mode="json"), headers)

    return await command.respond(operation)


@router.get(
    "/children",
    response_model=Page[ChildSummary],
    summary="儿童关爱保护名册 The children on the register within your division",
    responses=problem_responses(400, 401, 403),
)
async def list_children(
    engine: Engine,
    category: Category | None = Query(None),
    guardianship_status: GuardianshipStatus | None = Query(None),
    follow_up_needed: bool | None = Query(None),
    principal: Principal = Depends(READ_REGISTER),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
) -> Page[ChildSummary]:
    """The register's children within the caller's division, resident IDs masked."""
    params = {
        "prefix": jurisdiction_prefix(principal.division) + "%",
        "after": str((cursor or {}).get("c", "")),
        "category": category,
        "status": guardianship_status,
        "follow_up": follow_up_needed,
        "limit": limit + 1,
    }
    async with engine.connect() as conn:
        rows = (await conn.execute(_LIST, params)).all()
    items = [ChildSummary.model_validate(dict(r._mapping)) for r in rows[:limit]]
    more = len(rows) > limit
    return Page[ChildSummary](
        items=items, next_cursor=encode_cursor({"c": items[-1].child_id}) if more else None
    )


@router.get(
    "/children/{child_id}",
    response_model=ChildView,
    summary="查询儿童信息 A child on the register, visits and allowance assessments included",
    responses=problem_responses(401, 403, 404),
)
async def get_child(
    child_id: str,
    register: Register,
    response: Response,
    principal: Principal = Depends(READ_REGISTER),
) -> ChildView:
    """The child as the stream says now; ETag for the next visit or assessment."""
    child = await register.child(child_id)
    assert child.registered is not None
    ensure_jurisdiction(principal, child.registered.division_code)
    response.headers["ETag"] = etag_for(child.version)
    return child_view(child, register.today())


@router.post(
    "/children/{child_id}/care-visits",
    response_model=ChildView,
    summary="关爱走访 Record the township's care visit to the child (VER-10)",
    responses=ERRORS,
)
async def record_care_visit(
    child_id: str, body: CareVisitIn, command: Command, register: Register
) -> JSONResponse:
    """The child's township records a visit; the guardianship it found becomes the child's."""

    def act(child: Child, _: AsyncConnection) -> None:
        assert child.registered is not None
        visit = CareVisitRecorded(
            child.id,
            child.registered.division_code,
            body.visited_on,
            tuple(body.visited_by),
            body.guardianship_status,
            body.follow_up_needed,
            body.notes,
        )
        child.record_visit(visit, register.today())

    return await change(
        command,
        register.children,
        child_id,
        authorise=at_level(command, TOWNSHIP, division_of),
        act=act,
        reason=VISITED,
        answer=lambda child: child_view(child, register.today()),
    )


@router.post(
    "/children/{child_id}/allowance-assessments",
    response_model=ChildView,
    summary="基本生活费认定 The county assesses the child for an allowance (VER-10, PAY-9)",
    responses=ERRORS,
)
async def assess_allowance(
    child_id: str,
    body: AllowanceAssessmentIn,
    command: Command,
    register: Register,
    verification: VerificationService,
) -> JSONResponse:
    """The county grants (from `effective_from`) or refuses an orphan's allowance or the
    allowance for children in difficulty; a grant is paid by payments to the guardian."""
    officer = command.principal
    # the age limit is province-wide (no county override): the officer's county reads it
    limit = await verification.policies.in_force(
        CHILD_ALLOWANCE_AGE_LIMIT, officer.division, register.today()
    )
    return await change(
        command,
        register.children,
        child_id,
        authorise=at_level(command, COUNTY, division_of),
        act=lambda child, _: child.assess(
            _assessment(child, body, officer.subject, register.today(), limit)
        ),
        reason=body.reason,
        answer=lambda child: child_view(child, register.today()),
    )


@router.post(
    "/children/{child_id}/allowance-end",
    response_model=ChildView,
    summary="终止发放儿童基本生活费 The county ends the child's allowance from next month (PAY-9)",
    responses=ERRORS,
)
async def end_allowance(
    child_id: str, body: AllowanceEndIn, command: Command, register: Register
) -> JSONResponse:
    """The county ends a granted allowance before the age limit (adoption, a guardian able to
    support, death, moving away …), with the reason and the policy; payments pays nothing for
    months from the next month's first day."""
    officer = command.principal.subject
    return await change(
        command,
        register.children,
        child_id,
        authorise=at_level(command, COUNTY, division_of),
        act=lambda child, _: child.end_allowance(
            body.reason_code, body.reason, body.policy_basis, officer, register.today()
        ),
        reason=body.reason,
        answer=lambda child: child_view(child, register.today()),
    )


def _assessment(
    child: Child, body: AllowanceAssessmentIn, officer: str, today: date, limit: InForce
) -> ChildAllowanceAssessed:
    """The assessment event: the child's facts, the county's decision, who, when, why, policy;
    a grant carries the age limit in force and the last month it pays (ADR 0042)."""
    registered = child.registered
    assert registered is not None
    granted = body.decision == "grant"
    guardian = registered.guardian
    age_limit = int(limit.value)
    return ChildAllowanceAssessed(
        child.id,
        body.allowance,
        "granted" if granted else "refused",
        registered.division_code,
        registered.county_code,
        registered.registration,
        registered.category,
        body.effective_from,
        body.reason,
        body.policy_basis,
        ELIGIBILITY_RULE[body.allowance],
        officer,
        today,
        guardian.name if guardian else "",
        guardian.bank_account if guardian else None,
        age_limit if granted else None,
        limit.version if granted else None,
        child.last_paid_period(age_limit) if granted else None,
    )


def _guardian(guardian: GuardianIn | None) -> Guardian | None:
    if guardian is None:
        return None
    return Guardian(
        guardian.name,
        guardian.relation,
        guardian.resident_id,
        guardian.phone,
        guardian.bank_account,
    )
