"""Inspections (督查检查, SUP-4): plans, visits, rectification orders and checks, accountability."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from shared.application.repository import Repository
from shared.domain.errors import NotFound
from shared.fields import Text
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Command, CommandRequest, change, create, in_jurisdiction
from shared.http.etag import etag_for
from shared.http.pagination import Page, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.identity import DivisionCodeStr
from supervision.domain.inspection import (
    AccountabilityRecorded,
    Inspection,
    InspectionKind,
    InspectionPlanned,
    numbered_findings,
)
from supervision.entrypoints.paging import deadline_page
from supervision.entrypoints.wiring import Inspections

router = APIRouter(prefix="/v1", tags=["inspections 督查检查"])
READERS = require_roles(
    "inspector", "auditor", "county_officer", "city_officer", "province_officer"
)
SEES_UNANNOUNCED = ("inspector", "auditor", "province_officer")
_TEXT = Field(min_length=1, max_length=2000)


class PlanIn(BaseModel):
    """An inspection plan."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "kind": "special",
                    "division_code": "620105",
                    "planned_on": "2027-04-15",
                    "scope": "2027年一季度城乡低保资金发放及动态管理情况专项督查",
                    "team": ["王海燕", "赵志强"],
                }
            ]
        },
    )
    kind: InspectionKind
    division_code: DivisionCodeStr
    planned_on: date
    scope: str = _TEXT
    team: list[str] = Field(min_length=1, max_length=20)


class FindingIn(BaseModel):
    """A problem found."""

    model_config = ConfigDict(extra="forbid")
    description: str = _TEXT
    severity: str = Field(pattern="^(minor|serious|grave)$")


class VisitIn(BaseModel):
    """The visit and its findings."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "visited_on": "2027-04-16",
                    "findings": [
                        {
                            "description": "刘家堡街道3户低保对象未按规定开展年度复核",
                            "severity": "serious",
                        },
                    ],
                }
            ]
        },
    )
    visited_on: date
    findings: list[FindingIn] = Field(default_factory=list, max_length=200)


class RectificationIn(BaseModel):
    """A rectification order on a finding."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "finding_id": "F1",
                    "requirement": "一个月内完成3户低保对象的复核并报送结果",
                    "responsible_org": "安宁区民政局",
                    "due_on": "2027-05-16",
                }
            ]
        },
    )
    finding_id: str
    requirement: str = _TEXT
    responsible_org: Text = Field(min_length=1, max_length=200)
    due_on: date


class CheckIn(BaseModel):
    """Whether a rectification happened."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "finding_id": "F1",
                    "rectified": True,
                    "note": "已完成复核：1户停保，2户继续享受",
                }
            ]
        },
    )
    finding_id: str
    rectified: bool
    note: str = _TEXT


class AccountabilityIn(BaseModel):
    """An accountability measure (追责问责)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "finding_id": "F1",
                    "person_role": "街道民政助理员",
                    "org": "安宁区刘家堡街道办事处",
                    "measure": "诫勉谈话",
                    "decided_on": "2027-05-20",
                }
            ]
        },
    )
    finding_id: str
    person_role: Text = Field(min_length=1, max_length=100)
    org: Text = Field(min_length=1, max_length=200)
    measure: Text = Field(min_length=1, max_length=200)
    decided_on: date


class FindingRead(BaseModel):
    """A problem the visit found, numbered F1, F2, …"""

    finding_id: str
    description: str
    severity: Literal["minor", "serious", "grave"]


class RectificationRead(BaseModel):
    """A rectification ordered on a finding, and whether it happened in time."""

    inspection_id: str
    finding_id: str
    requirement: str
    responsible_org: str
    due_on: date
    rectified: bool
    overdue: bool = Field(description="not rectified and past its date (service clock)")


class AccountabilityRead(BaseModel):
    """An accountability measure recorded on a finding."""

    inspection_id: str
    finding_id: str
    person_role: str
    org: str
    measure: str
    decided_on: date


class InspectionRead(BaseModel):
    """An inspection: its plan, the visit's findings, rectifications and accountability."""

    inspection_id: str
    version: int = Field(description="the inspection's version: If-Match of the next step")
    kind: InspectionKind
    division_code: str
    planned_on: date
    scope: str
    team: list[str]
    visited_on: date | None
    findings: list[FindingRead]
    rectifications: list[RectificationRead]
    accountability: list[AccountabilityRead]


def _reader(today: date) -> Callable[[Inspection], dict[str, Any]]:
    """How the answer to a command shows the inspection: overdue as of the request's today."""
    return lambda inspection: _read(inspection, today)


def _read(inspection: Inspection, as_of: date) -> dict[str, Any]:
    assert inspection.planned is not None
    findings = inspection.recorded.findings if inspection.recorded else ()
    rectifications = []
    for finding_id, order in inspection.orders.items():
        check = inspection.verified.get(finding_id)
        done = bool(check and check.rectified)
        rectifications.append(
            {**asdict(order), "rectified": done, "overdue": not done and order.due_on < as_of}
        )
    return {
        "inspection_id": inspection.id,
        "version": inspection.version,
        **{k: v for k, v in asdict(inspection.planned).items() if k != "inspection_id"},
        "visited_on": inspection.recorded.visited_on if inspection.recorded else None,
        "findings": [asdict(f) for f in findings],
        "rectifications": rectifications,
        "accountability": [asdict(a) for a in inspection.accountability],
    }


def _division(inspection: Inspection) -> str:
    assert inspection.planned is not None
    return inspection.planned.division_code


@router.post(
    "/inspections",
    status_code=201,
    response_model=InspectionRead,
    summary="督查立项 Plan an inspection",
    responses=problem_responses(400, 401, 403, 422),
)
async def plan_inspection(
    body: PlanIn, command: Command, inspections: Inspections, today: Today
) -> JSONResponse:
    """Plan one of the five kinds of inspection."""
    ensure_jurisdiction(command.principal, body.division_code)
    inspection = Inspection(str(uuid.uuid4()))
    inspection.plan(
        InspectionPlanned(
            inspection.id,
            body.kind,
            body.division_code,
            body.planned_on,
            body.scope,
            tuple(body.team),
        )
    )
    return await create(
        command,
        inspections,
        inspection,
        reason="督查立项",
        answer=_reader(today),
        location=f"/v1/inspections/{inspection.id}",
    )


@router.get(
    "/inspections/{inspection_id}",
    response_model=InspectionRead,
    summary="查阅督查 Get an inspection",
    responses=problem_responses(401, 403, 404),
)
async def get_inspection(
    inspection_id: str,
    response: Response,
    inspections: Inspections,
    today: Today,
    principal: Principal = Depends(READERS),
) -> dict[str, Any]:
    """The inspection; an unannounced one stays hidden from the inspected side until visited."""
    inspection = await inspections.get(inspection_id)
    assert inspection.planned is not None
    ensure_jurisdiction(principal, inspection.planned.division_code)
    hidden = inspection.planned.kind == InspectionKind.UNANNOUNCED and not inspection.recorded
    if hidden and principal.role not in SEES_UNANNOUNCED:
        raise NotFound(f"inspection {inspection_id} not found", "未找到该督查记录")
    response.headers["ETag"] = etag_for(inspection.version)
    return _read(inspection, today)


async def _step(
    command: CommandRequest,
    inspections: Repository[Inspection],
    today: date,
    inspection_id: str,
    body: BaseModel,
    reason: str,
) -> JSONResponse:
    """Take the step the body names at the If-Match version, in the caller's jurisdiction."""
    return await change(
        command,
        inspections,
        inspection_id,
        authorise=in_jurisdiction(command, _division),
        act=lambda inspection, _: _apply(inspection, body),
        reason=reason,
        answer=_reader(today),
    )


_STEP_ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 428)


@router.post(
    "/inspections/{inspection_id}/visit",
    responses=_STEP_ERRORS,
    response_model=InspectionRead,
    summary="督查记录 Record the visit and its findings (If-Match)",
)
async def record_inspection_visit(
    inspection_id: str, body: VisitIn, command: Command, inspections: Inspections, today: Today
) -> JSONResponse:
    """Record the visit; findings are numbered F1, F2, …"""
    return await _step(command, inspections, today, inspection_id, body, "记录督查发现")


@router.post(
    "/inspections/{inspection_id}/rectifications",
    responses=_STEP_ERRORS,
    response_model=InspectionRead,
    summary="下达整改 Order a rectification with a deadline (If-Match)",
)
async def order_rectification(
    inspection_id: str,
    body: RectificationIn,
    command: Command,
    inspections: Inspections,
    today: Today,
) -> JSONResponse:
    """Order the rectification of a finding by a date."""
    return await _step(command, inspections, today, inspection_id, body, "下达整改通知")


@router.post(
    "/inspections/{inspection_id}/rectification-checks",
    responses=_STEP_ERRORS,
    response_model=InspectionRead,
    summary="整改验收 Check that a rectification happened (If-Match)",
)
async def check_rectification(
    inspection_id: str, body: CheckIn, command: Command, inspections: Inspections, today: Today
) -> JSONResponse:
    """Record whether the rectification happened."""
    return await _step(command, inspections, today, inspection_id, body, "整改验收")


@router.post(
    "/inspections/{inspection_id}/accountability",
    responses=_STEP_ERRORS,
    response_model=InspectionRead,
    summary="追责问责 Record an accountability measure (If-Match)",
)
async def hold_accountable(
    inspection_id: str,
    body: AccountabilityIn,
    command: Command,
    inspections: Inspections,
    today: Today,
) -> JSONResponse:
    """Record who was held accountable for a finding, and how."""
    return await _step(command, inspections, today, inspection_id, body, "追责问责")


def _apply(inspection: Inspection, body: BaseModel) -> None:
    if isinstance(body, VisitIn):
        found = [(f.description, f.severity) for f in body.findings]
        inspection.visit(body.visited_on, numbered_findings(found))
    elif isinstance(body, RectificationIn):
        inspection.order(body.finding_id, body.requirement, body.responsible_org, body.due_on)
    elif isinstance(body, CheckIn):
        inspection.check(body.finding_id, body.rectified, body.note)
    elif isinstance(body, AccountabilityIn):
        inspection.hold_accountable(
            AccountabilityRecorded(
                inspection.id,
                body.finding_id,
                body.person_role,
                body.org,
                body.measure,
                body.decided_on,
            )
        )


class OpenRectificationRead(BaseModel):
    """A rectification an inspection ordered, with its deadline."""

    inspection_id: str
    finding_id: str
    finding_key: str
    division_code: str
    requirement: str
    responsible_org: str
    due_on: date
    rectified: bool
    overdue: bool


@router.get(
    "/rectifications",
    summary="整改事项 Open rectifications in your jurisdiction",
    response_model=Page[OpenRectificationRead],
    responses=problem_responses(400, 401, 403),
)
async def list_rectifications(
    engine: Engine,
    today: Today,
    overdue: bool = Query(False),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(READERS),
) -> Page[dict[str, Any]]:
    """Oldest deadline first; `overdue=true` for those past their date."""
    return await deadline_page(
        engine,
        today,
        table="rectifications_view",
        id_column="finding_key",
        open_condition="NOT rectified",
        division=principal.division,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
    )
