"""Institution safety (安全管理, SUP-5): registry, hazard checks, hazards tracked to closure."""

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
from shared.fields import Count, Text
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Command, CommandRequest, change, create, in_jurisdiction
from shared.http.etag import etag_for
from shared.http.pagination import Page, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.identity import DivisionCodeStr
from supervision.domain.institution import (
    HazardCategory,
    HazardCheckRecorded,
    Institution,
    InstitutionKind,
    InstitutionRegistered,
    SafetyActivityRecorded,
    numbered_hazards,
)
from supervision.entrypoints.paging import deadline_page
from supervision.entrypoints.wiring import Institutions

router = APIRouter(prefix="/v1", tags=["safety 机构安全"])
READERS = require_roles(
    "inspector", "auditor", "county_officer", "city_officer", "province_officer"
)
STEP_ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 428)


class InstitutionIn(BaseModel):
    """An institution to register."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "kind": "welfare_home",
                    "name": "安宁区社会福利院",
                    "division_code": "620105",
                    "capacity": 120,
                }
            ]
        },
    )
    kind: InstitutionKind
    name: Text = Field(min_length=1, max_length=200)
    division_code: DivisionCodeStr
    capacity: Count = Field(ge=0, le=100_000)


class HazardIn(BaseModel):
    """A hazard found on a check."""

    model_config = ConfigDict(extra="forbid")
    category: HazardCategory
    description: Text = Field(min_length=1, max_length=2000)
    due_on: date


class HazardCheckIn(BaseModel):
    """A hazard check: what was checked, the fire equipment, the hazards found."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "checked_on": "2027-03-01",
                    "categories": ["fire", "electricity", "gas_poisoning"],
                    "fire_equipment_complete": False,
                    "hazards": [
                        {
                            "category": "fire",
                            "description": "二楼消防通道堆放杂物，两具灭火器过期",
                            "due_on": "2027-03-15",
                        },
                    ],
                }
            ]
        },
    )
    checked_on: date
    categories: list[HazardCategory] = Field(min_length=1)
    fire_equipment_complete: bool
    hazards: list[HazardIn] = Field(default_factory=list, max_length=100)


class CloseIn(BaseModel):
    """Closing a hazard."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "hazard_id": "3f2a9c1e-H1",
                    "closed_on": "2027-03-12",
                    "note": "杂物已清理，消防通道畅通，灭火器已更换",
                }
            ]
        },
    )
    hazard_id: str
    closed_on: date
    note: Text = Field(min_length=1, max_length=2000)


class ActivityIn(BaseModel):
    """A drill or a staff safety training."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "activity": "drill",
                    "held_on": "2027-03-08",
                    "topic": "夜间火灾应急疏散演练",
                    "participants": 85,
                }
            ]
        },
    )
    activity: str = Field(pattern="^(drill|training)$")
    held_on: date
    topic: Text = Field(min_length=1, max_length=500)
    participants: Count = Field(ge=1, le=10_000)


class HazardCheckRead(BaseModel):
    """A hazard check: what was checked and whether the fire equipment was complete."""

    institution_id: str
    check_id: str
    checked_on: date
    categories: list[HazardCategory]
    fire_equipment_complete: bool


class HazardRead(BaseModel):
    """A hazard found on a check, tracked to its closure."""

    institution_id: str
    hazard_id: str
    category: HazardCategory
    description: str
    due_on: date
    closed_on: date | None
    overdue: bool = Field(description="open and past its date (service clock)")


class SafetyActivityRead(BaseModel):
    """A drill or a staff safety training held."""

    institution_id: str
    activity: Literal["drill", "training"]
    held_on: date
    topic: str
    participants: int


class InstitutionRead(BaseModel):
    """An institution's safety file: registration, checks, hazards, drills and trainings."""

    institution_id: str
    kind: InstitutionKind
    name: str
    division_code: str
    capacity: int
    version: int = Field(description="the file's version: If-Match of the next record")
    checks: list[HazardCheckRead]
    hazards: list[HazardRead]
    activities: list[SafetyActivityRead]


def _reader(today: date) -> Callable[[Institution], dict[str, Any]]:
    """How the answer to a command shows the institution: overdue as of the request's today."""
    return lambda institution: _read(institution, today)


def _read(institution: Institution, as_of: date) -> dict[str, Any]:
    assert institution.registered is not None
    hazards = [
        {
            **asdict(h),
            "closed_on": c.closed_on if (c := institution.closed.get(h.hazard_id)) else None,
            "overdue": c is None and h.due_on < as_of,
        }
        for h in institution.hazards.values()
    ]
    return {
        **asdict(institution.registered),
        "version": institution.version,
        "checks": [asdict(c) for c in institution.checks],
        "hazards": hazards,
        "activities": [asdict(a) for a in institution.activities],
    }


def _division(institution: Institution) -> str:
    assert institution.registered is not None
    return institution.registered.division_code


async def _record(
    command: CommandRequest,
    institutions: Repository[Institution],
    today: date,
    institution_id: str,
    step: Callable[[Institution], None],
    reason: str,
) -> JSONResponse:
    """Record on the institution's file at its If-Match version, in the caller's jurisdiction."""
    return await change(
        command,
        institutions,
        institution_id,
        authorise=in_jurisdiction(command, _division),
        act=lambda institution, _: step(institution),
        reason=reason,
        answer=_reader(today),
    )


@router.post(
    "/institutions",
    status_code=201,
    responses=problem_responses(400, 401, 403, 422),
    response_model=InstitutionRead,
    summary="机构登记 Register a welfare or rescue institution",
)
async def register_institution(
    body: InstitutionIn, command: Command, institutions: Institutions, today: Today
) -> JSONResponse:
    """Enter the institution in the safety registry."""
    ensure_jurisdiction(command.principal, body.division_code)
    institution = Institution(str(uuid.uuid4()))
    institution.register(
        InstitutionRegistered(
            institution.id, body.kind, body.name, body.division_code, body.capacity
        )
    )
    return await create(
        command,
        institutions,
        institution,
        reason="机构安全登记",
        answer=_reader(today),
        location=f"/v1/institutions/{institution.id}",
    )


@router.get(
    "/institutions/{institution_id}",
    responses=problem_responses(401, 403, 404),
    response_model=InstitutionRead,
    summary="机构安全档案 An institution's safety file",
)
async def get_institution(
    institution_id: str,
    response: Response,
    institutions: Institutions,
    today: Today,
    principal: Principal = Depends(READERS),
) -> dict[str, Any]:
    """Checks, hazards (with overdue flags), drills and trainings."""
    institution = await institutions.get(institution_id)
    ensure_jurisdiction(principal, _division(institution))
    response.headers["ETag"] = etag_for(institution.version)
    return _read(institution, today)


@router.post(
    "/institutions/{institution_id}/hazard-checks",
    responses=STEP_ERRORS,
    response_model=InstitutionRead,
    summary="隐患排查 Record a hazard check (If-Match)",
)
async def record_hazard_check(
    institution_id: str,
    body: HazardCheckIn,
    command: Command,
    institutions: Institutions,
    today: Today,
) -> JSONResponse:
    """Record the check and each hazard found, with its closing deadline."""
    found = [(h.category, h.description, h.due_on) for h in body.hazards]

    def step(institution: Institution) -> None:
        check = HazardCheckRecorded(
            institution.id,
            str(uuid.uuid4()),
            body.checked_on,
            tuple(body.categories),
            body.fire_equipment_complete,
        )
        institution.check(check, numbered_hazards(check, found))

    return await _record(command, institutions, today, institution_id, step, "安全隐患排查")


@router.post(
    "/institutions/{institution_id}/hazard-closures",
    responses=STEP_ERRORS,
    response_model=InstitutionRead,
    summary="隐患销号 Close a hazard (If-Match)",
)
async def close_hazard(
    institution_id: str, body: CloseIn, command: Command, institutions: Institutions, today: Today
) -> JSONResponse:
    """Close an open hazard."""
    return await _record(
        command,
        institutions,
        today,
        institution_id,
        lambda i: i.close(body.hazard_id, body.closed_on, body.note),
        "隐患整改销号",
    )


@router.post(
    "/institutions/{institution_id}/activities",
    responses=STEP_ERRORS,
    response_model=InstitutionRead,
    summary="演练与培训 Record a drill or a safety training (If-Match)",
)
async def record_safety_activity(
    institution_id: str,
    body: ActivityIn,
    command: Command,
    institutions: Institutions,
    today: Today,
) -> JSONResponse:
    """Record an emergency drill or a staff safety training."""

    def step(institution: Institution) -> None:
        activity = SafetyActivityRecorded(
            institution.id, body.activity, body.held_on, body.topic, body.participants
        )
        institution.hold(activity)

    return await _record(command, institutions, today, institution_id, step, "记录演练培训")


class OpenHazardRead(BaseModel):
    """An open hazard of an institution, with its deadline."""

    hazard_id: str
    institution_id: str
    division_code: str
    category: str
    description: str
    due_on: date
    closed_on: date | None
    overdue: bool


@router.get(
    "/hazards",
    response_model=Page[OpenHazardRead],
    responses=problem_responses(400, 401, 403),
    summary="安全隐患 Open hazards in your jurisdiction",
)
async def list_hazards(
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
        table="hazards_view",
        id_column="hazard_id",
        open_condition="closed_on IS NULL",
        division=principal.division,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
    )
