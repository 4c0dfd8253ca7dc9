"""Intake's HTTP routes for partner systems: thin — build a command, dispatch, answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from intake.application.submit import SubmitApplication, new_application_id, submit_application
from intake.domain.application import Application
from intake.schemas import ApplicationCreate, ApplicationRead, MemberOut
from shared.application.repository import Repository
from shared.domain.errors import Forbidden, NotFound
from shared.eventstore.envelope import Actor, EventMetadata
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.idempotency import StoredResponse, idempotency_key, respond_idempotently
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.identity import validate_resident_id
from shared.logging import correlation_id_var

router = APIRouter(prefix="/v1", tags=["applications 申请"])

ACCEPTING_ROLES = ("township_officer",)
READING_ROLES = (
    "township_officer",
    "county_officer",
    "city_officer",
    "province_officer",
    "inspector",
    "auditor",
)


class VillageCommitteeCannotAccept(Forbidden):
    """INT-3: village and residents' committees may help a household, never accept or decide."""

    code = "village-committee-cannot-accept"
    title_en = "Village and residents' committees cannot accept applications"
    title_zh = "村（居）委会不得直接受理、审核申请"


def ensure_may_accept(principal: Principal, division_code: str) -> None:
    """Only a township/street officer accepts, and only within their own township (INT-3)."""
    if principal.role == "village_committee":
        raise VillageCommitteeCannotAccept(
            "applications are accepted and registered only by township/street offices; a village"
            " or residents' committee may help the household submit it there",
            "低保等申请由乡镇人民政府（街道办事处）受理登记，村（居）委会可协助群众提交，"
            "但不得直接受理、审核",
        )
    if principal.role not in ACCEPTING_ROLES:
        raise Forbidden(
            f"role {principal.role} cannot accept applications",
            f"角色 {principal.role} 无权受理申请",
        )
    ensure_jurisdiction(principal, division_code)


def metadata_for(principal: Principal, request: Request, reason: str) -> EventMetadata:
    """Who, how and why for an event caused by an HTTP request."""
    return EventMetadata(
        actor=Actor(principal.subject, principal.role, principal.org, principal.division),
        channel=f"api:{principal.client_id}",
        reason=reason,
        correlation_id=correlation_id_var.get() or None,
    )


@router.post(
    "/applications",
    status_code=201,
    response_model=ApplicationRead,
    summary="受理登记申请 Accept and register a household application",
    responses=problem_responses(400, 401, 403, 409, 422),
)
async def submit(
    body: ApplicationCreate,
    request: Request,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Register a household's application for one or more programmes (one door, INT-2/INT-4)."""
    ensure_may_accept(principal, body.division_code)
    repository: Repository[Application] = request.app.state.applications

    async def operation(conn: AsyncConnection) -> StoredResponse:
        application_id = new_application_id()
        metadata = replace(metadata_for(principal, request, "受理登记申请"), case_id=application_id)
        recorded = await submit_application(
            SubmitApplication(body, metadata, application_id), repository, conn
        )
        read = _read_model(body, application_id, recorded[-1].stream_version, principal, recorded)
        headers = {"Location": f"/v1/applications/{application_id}", "ETag": f'"{read.version}"'}
        return StoredResponse(201, read.model_dump(mode="json"), headers)

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
    )


@router.get(
    "/applications/{application_id}",
    response_model=ApplicationRead,
    summary="查询申请 Get an application",
    responses=problem_responses(401, 403, 404),
)
async def get_application(
    application_id: str,
    request: Request,
    response: Response,
    principal: Principal = Depends(current_principal),
) -> ApplicationRead:
    """The application as the read model holds it, with its version as ETag."""
    if principal.role not in READING_ROLES:
        raise Forbidden(f"role {principal.role} cannot read applications", "当前角色无权查阅申请")
    row = await _find(request.app.state.engine, application_id)
    if row is None:
        raise NotFound(f"application {application_id} not found", "未找到该申请")
    ensure_jurisdiction(principal, row["division_code"])
    response.headers["ETag"] = f'"{row["version"]}"'
    return _read_from_row(row)


async def _find(engine: AsyncEngine, application_id: str) -> dict[str, Any] | None:
    async with engine.connect() as conn:
        result = await conn.execute(
            text("SELECT * FROM applications_view WHERE application_id = :id"),
            {"id": application_id},
        )
        row = result.first()
    return dict(row._mapping) if row else None


def _member_out(member: dict[str, Any]) -> MemberOut:
    resident_id = validate_resident_id(member["resident_id"])
    return MemberOut(
        resident_id_masked=resident_id.masked(),
        name=member["name"],
        relation=member["relation"],
        age=_age(resident_id.birth_date, date.today()),
    )


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _read_from_row(row: dict[str, Any]) -> ApplicationRead:
    return ApplicationRead(
        application_id=row["application_id"],
        version=row["version"],
        division_code=row["division_code"],
        registration=row["registration"],
        programmes=row["programmes"],
        status=row["status"],
        members=[_member_out(m) for m in row["members"]],
        declared_monthly_income_fen=row["declared_monthly_income_fen"],
        accepted_by=row["accepted_by"],
        accepted_at=row["accepted_at"],
    )


def _read_model(
    body: ApplicationCreate,
    application_id: str,
    version: int,
    principal: Principal,
    recorded: list[Any],
) -> ApplicationRead:
    return ApplicationRead(
        application_id=application_id,
        version=version,
        division_code=body.division_code,
        registration=body.registration,
        programmes=list(body.programmes),
        status="submitted",
        members=[_member_out(m.model_dump()) for m in body.members],
        declared_monthly_income_fen=body.declared_monthly_income_fen,
        accepted_by=principal.subject,
        accepted_at=recorded[-1].recorded_at,
    )
