"""Grassroots capacity (SUP-7): named desk staff, purchased services, training records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text

from shared.fields import Count, Fen, PersonName, Text
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Command, CommandRequest, change, in_jurisdiction
from shared.http.etag import etag_for
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.identity import DivisionCodeStr, jurisdiction_prefix, parse_division
from shared.places.guard import ensure_township_in_force
from shared.privacy import mask_phone
from supervision.application.files import Files
from supervision.domain.capacity import (
    CapacityFile,
    DeskStaffNamed,
    ServicePurchased,
    StaffTrainingRecorded,
)
from supervision.entrypoints.wiring import CapacityFiles

router = APIRouter(prefix="/v1/capacity", tags=["capacity 基层力量"])
READERS = require_roles(
    "inspector",
    "auditor",
    "township_officer",
    "county_officer",
    "city_officer",
    "province_officer",
)
STEP_ERRORS = problem_responses(400, 401, 403, 412, 422, 428)


class DeskIn(BaseModel):
    """The named desk person."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "陈丽",
                    "phone": "0931-7654321",
                    "since": "2027-01-01",
                }
            ]
        },
    )
    name: PersonName = Field(min_length=1, max_length=50)
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9 -]{7,20}$")
    since: date


class ServiceIn(BaseModel):
    """A purchased service."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "provider": "兰州市安宁区阳光社会工作服务中心",
                    "service": "困难群众入户走访、需求评估及照料服务",
                    "amount_fen": 18000000,
                    "period_from": "2027-01-01",
                    "period_to": "2027-12-31",
                }
            ]
        },
    )
    provider: Text = Field(min_length=1, max_length=200)
    service: Text = Field(min_length=1, max_length=500)
    amount_fen: Fen = Field(ge=1, le=10**13)
    period_from: date
    period_to: date


class TrainingIn(BaseModel):
    """A training record."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "held_on": "2027-03-06",
                    "topic": "《甘肃省最低生活保障审核确认办法》解读",
                    "attendees": 45,
                }
            ]
        },
    )
    held_on: date
    topic: Text = Field(min_length=1, max_length=500)
    attendees: Count = Field(ge=1, le=100_000)


class DeskStaffRead(BaseModel):
    """The township desk's named person (phone masked)."""

    division_code: str
    name: str
    phone: str | None = Field(description="masked")
    since: date


class PurchasedServiceRead(BaseModel):
    """A service the division purchased."""

    division_code: str
    provider: str
    service: str
    amount_fen: int
    period_from: date
    period_to: date


class TrainingRead(BaseModel):
    """A training of social-assistance staff."""

    division_code: str
    held_on: date
    topic: str
    attendees: int


class CapacityFileRead(BaseModel):
    """A division's capacity file (version 0 and empty when nothing was recorded)."""

    division_code: str
    version: int = Field(description="the file's version: If-Match of the next record")
    desk_staff: DeskStaffRead | None
    purchased_services: list[PurchasedServiceRead]
    purchased_fen_total: int
    trainings: list[TrainingRead]


def _read(file: CapacityFile) -> dict[str, Any]:
    desk = asdict(file.desk) if file.desk else None
    if desk and desk["phone"]:
        desk["phone"] = mask_phone(desk["phone"])
    return {
        "division_code": file.id,
        "version": file.version,
        "desk_staff": desk,
        "purchased_services": [asdict(s) for s in file.services],
        "purchased_fen_total": sum(s.amount_fen for s in file.services),
        "trainings": [asdict(t) for t in file.trainings],
    }


async def _record(
    command: CommandRequest,
    files: Files[CapacityFile],
    division: str,
    step: Callable[[CapacityFile], None],
    reason: str,
) -> JSONResponse:
    """Append to the division's file at the If-Match version (`"0"`: its first record)."""
    return await change(
        command,
        files,
        division,
        authorise=in_jurisdiction(command, lambda file: file.id),
        act=lambda file, _: step(file),
        reason=reason,
        answer=_read,
    )


@router.get(
    "/desks",
    responses=problem_responses(401, 403),
    response_model=list[DeskStaffRead],
    summary="受理专人 Named desk persons in your jurisdiction",
)
async def list_desk_staff(
    engine: Engine, principal: Principal = Depends(READERS)
) -> list[dict[str, Any]]:
    """Every township file that named a desk person (phone masked)."""
    query = text(
        "SELECT DISTINCT ON (stream_id) data FROM events WHERE type = 'supervision.DeskStaffNamed'"
        " AND data->>'division_code' LIKE :p ORDER BY stream_id, stream_version DESC"
    )
    async with engine.connect() as conn:
        rows = await conn.execute(query, {"p": jurisdiction_prefix(principal.division) + "%"})
        return [
            {**r.data, "phone": mask_phone(r.data["phone"]) if r.data["phone"] else None}
            for r in rows
        ]


@router.get(
    "/{division_code}",
    responses=problem_responses(401, 403),
    response_model=CapacityFileRead,
    summary="基层力量档案 A division's capacity file",
)
async def get_capacity_file(
    division_code: DivisionCodeStr,
    response: Response,
    files: CapacityFiles,
    principal: Principal = Depends(READERS),
) -> dict[str, Any]:
    """Desk person, purchased services and trainings (version 0 when nothing recorded)."""
    ensure_jurisdiction(principal, division_code)
    file = await files.get(division_code)
    response.headers["ETag"] = etag_for(file.version)
    return _read(file)


@router.post(
    "/{division_code}/desk-staff",
    responses=STEP_ERRORS,
    response_model=CapacityFileRead,
    summary="配备受理专人 Name the desk person (If-Match)",
)
async def name_desk_staff(
    division_code: DivisionCodeStr,
    body: DeskIn,
    command: Command,
    files: CapacityFiles,
    engine: Engine,
    day: Today,
) -> JSONResponse:
    """Name (or replace) the township desk's person for acceptance and referral."""
    ensure_jurisdiction(command.principal, division_code)  # before its places are read
    if parse_division(division_code).level == "township":  # where its county's list is loaded
        async with engine.connect() as conn:
            await ensure_township_in_force(conn, division_code, day, "division_code")
    event = DeskStaffNamed(division_code, body.name, body.phone, body.since)
    return await _record(
        command, files, division_code, lambda f: f.name_desk_staff(event), "配备受理转办专人"
    )


@router.post(
    "/{division_code}/purchased-services",
    responses=STEP_ERRORS,
    response_model=CapacityFileRead,
    summary="购买服务 Record a purchased service (If-Match)",
)
async def record_purchased_service(
    division_code: DivisionCodeStr,
    body: ServiceIn,
    command: Command,
    files: CapacityFiles,
) -> JSONResponse:
    """Record the provider, the service, the amount and the period."""
    event = ServicePurchased(
        division_code,
        body.provider,
        body.service,
        body.amount_fen,
        body.period_from,
        body.period_to,
    )
    return await _record(
        command, files, division_code, lambda f: f.purchase(event), "政府购买社会救助服务"
    )


@router.post(
    "/{division_code}/trainings",
    responses=STEP_ERRORS,
    response_model=CapacityFileRead,
    summary="业务培训 Record a staff training (If-Match)",
)
async def record_staff_training(
    division_code: DivisionCodeStr,
    body: TrainingIn,
    command: Command,
    files: CapacityFiles,
) -> JSONResponse:
    """Record a training of social-assistance staff."""
    event = StaffTrainingRecorded(division_code, body.held_on, body.topic, body.attendees)
    return await _record(
        command, files, division_code, lambda f: f.train(event), "社会救助业务培训"
    )
