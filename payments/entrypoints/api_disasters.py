"""Disaster relief routes (PAY-6): declare, grant in priority order, track shelters."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.disasters import GrantRelief, grant_relief
from payments.domain.disaster import (
    Disaster,
    DisasterDeclared,
    DisasterReliefGranted,
    HousingSolved,
    housing_target,
)
from payments.entrypoints.common import READERS, within
from payments.entrypoints.wiring import Repos
from shared.clock import period_of
from shared.domain.errors import ConcurrencyConflict
from shared.fields import Fen, PersonName, Text
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import (
    Authorise,
    Command,
    CommandRequest,
    change,
    create_or_change,
    ensure_current,
    no_case,
)
from shared.http.etag import etag_for, precondition_failed_from
from shared.http.idempotency import StoredResponse
from shared.http.openapi import IF_MATCH_WHEN_EXISTS
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Today
from shared.identity import COUNTY_CODE, DivisionCodeStr, parse_division

router = APIRouter(prefix="/v1", tags=["disaster relief 受灾人员救助"])
READ = require_roles(*READERS)
Category = Literal[
    "collapsed_house_rebuild",
    "dibao_household",
    "scattered_extreme_poverty",
    "disabled_family",
    "other",
]


class DisasterIn(BaseModel):
    """A disaster and its relief allocation."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "disaster_id": "anning-flood-2026-07",
                    "county_code": "620105",
                    "name": "安宁区“7·15”暴雨洪涝灾害",
                    "occurred_on": "2026-07-15",
                    "allocation_fen": 300000000,
                    "housing_target": "2027-12-31",
                    "reason": "省应急管理厅、省财政厅下达自然灾害救灾资金（甘应急〔2026〕88号）",
                }
            ]
        },
    )

    disaster_id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,50}$")
    county_code: Annotated[str, COUNTY_CODE]
    name: Text = Field(min_length=1, max_length=200)
    occurred_on: date
    allocation_fen: Fen = Field(gt=0, lt=10**13)
    housing_target: date | None = Field(
        default=None, description="default: 31 Dec of the year after the disaster (the notice)"
    )
    reason: Text = Field(min_length=1, max_length=500)

    @field_validator("county_code")
    @classmethod
    def _county(cls, value: str) -> str:
        if len(value) != 6 or parse_division(value).level != "county":
            raise ValueError("must be a 6-digit county code")
        return value


class ReliefIn(BaseModel):
    """Relief for one household."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "household_id": "anning-h-001",
                    "category": "collapsed_house_rebuild",
                    "amount_fen": 2000000,
                    "in_temporary_shelter": True,
                    "payee_name": "马秀兰",
                    "bank_account": "6228480868123456779",
                    "division_code": "620105001001",
                    "reason": "房屋因洪涝倒塌，需恢复重建，暂住临时安置点",
                }
            ]
        },
    )

    household_id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,50}$")
    case_id: str | None = Field(default=None, max_length=100)
    category: Category
    amount_fen: Fen = Field(gt=0, lt=10**10)
    in_temporary_shelter: bool = False
    payee_name: PersonName = Field(min_length=1, max_length=50)
    bank_account: str = Field(pattern=r"^[0-9]{12,30}$")
    division_code: DivisionCodeStr
    reason: Text = Field(min_length=1, max_length=500)


class SolvedIn(BaseModel):
    """How a sheltered household's housing was solved."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "solved_on": "2027-03-05",
                    "how": "原址重建，已搬入新房",
                }
            ]
        },
    )

    solved_on: date
    how: Text = Field(min_length=1, max_length=200, description="重建、维修、安置…")


class GrantRead(BaseModel):
    """Relief granted to a household, in the notice's priority order."""

    household_id: str
    category: Category
    priority: int = Field(description="1 first: the notice's order of the categories")
    amount_fen: int


class DisasterRead(BaseModel):
    """A disaster's allocation, the relief granted and the households still in shelter."""

    disaster_id: str
    version: int = Field(description="the disaster's version: If-Match of the next command")
    county_code: str
    name: str
    allocation_fen: int
    granted_fen: int
    households: list[GrantRead] = Field(description="by priority, then household")
    in_temporary_shelter: list[str] = Field(description="households still sheltered")
    housing_solved: list[str] = Field(description="households whose housing is solved")
    housing_target: date = Field(description="date by which the sheltered must be housed")
    housing_target_missed: bool = Field(description="households still sheltered after it")


@router.post(
    "/disasters",
    status_code=201,
    response_model=DisasterRead,
    summary="登记灾害 Declare a disaster",
    responses=problem_responses(400, 401, 403, 409, 412, 422, 428),
    openapi_extra=IF_MATCH_WHEN_EXISTS,
)
async def declare_disaster(
    body: DisasterIn, command: Command, repos: Repos, day: Today
) -> JSONResponse:
    """A disaster with its allocation and the housing target for sheltered households."""
    declared = DisasterDeclared(
        body.disaster_id,
        body.county_code,
        body.name,
        body.occurred_on,
        body.allocation_fen,
        housing_target(body.occurred_on, body.housing_target),
    )
    return await create_or_change(
        command,
        repos.disasters,
        body.disaster_id,
        new=lambda: Disaster(body.disaster_id),
        authorise=_in_county_of(command, body.county_code),
        act=lambda disaster, _: disaster.declare(declared),
        reason=body.reason,
        answer=lambda disaster: _read(disaster, day),
        case_of=no_case,
        status=201,
        location=f"/v1/disasters/{body.disaster_id}",
    )


def _in_county_of(command: CommandRequest, county_code: str) -> Authorise[Disaster]:
    """The declaring county's officer; and, when the id is taken, the disaster's own county's."""
    within(command, county_code)
    return _in_its_county(command)


def _in_its_county(command: CommandRequest) -> Authorise[Disaster]:
    """The caller's jurisdiction covers the county of the disaster (when it is declared)."""

    def authorise(disaster: Disaster) -> None:
        if disaster.declared is not None:
            ensure_jurisdiction(command.principal, disaster.county_code)

    return authorise


@router.post(
    "/disasters/{disaster_id}/relief",
    response_model=DisasterRead,
    summary="发放救灾资金 Grant relief to a household",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def grant_disaster_relief(
    disaster_id: str, body: ReliefIn, command: Command, repos: Repos, day: Today
) -> JSONResponse:
    """Grant and pay at once; the bank receives grants in the notice's priority order."""
    # its own unit of work: the grant and its payment instruction (two aggregates), the grant first
    expected = command.expected_version()
    grant = GrantRelief(
        disaster_id,
        body.household_id,
        body.case_id,
        body.category,
        body.amount_fen,
        body.in_temporary_shelter,
        body.payee_name,
        body.bank_account,
        body.division_code,
        expected,
        command.metadata(body.reason),
        period_of(day),
    )

    async def operation(conn: AsyncConnection) -> StoredResponse:
        disaster = await repos.disasters.get(disaster_id, conn)
        ensure_jurisdiction(command.principal, disaster.county_code)
        ensure_current(disaster.stream_id, expected, disaster.version)
        try:
            await grant_relief(grant, disaster, repos, conn)
        except ConcurrencyConflict as conflict:
            raise precondition_failed_from(conflict) from None
        return StoredResponse(200, _read(disaster, day), {"ETag": etag_for(disaster.version)})

    return await command.respond(operation)


@router.post(
    "/disasters/{disaster_id}/households/{household_id}/housing-solved",
    response_model=DisasterRead,
    summary="住房问题解决 A sheltered household's housing is solved",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 428),
)
async def record_housing_solved(
    disaster_id: str,
    household_id: str,
    body: SolvedIn,
    command: Command,
    repos: Repos,
    day: Today,
) -> JSONResponse:
    """Close the household's temporary shelter."""
    solved = HousingSolved(disaster_id, household_id, body.solved_on, body.how)
    return await change(
        command,
        repos.disasters,
        disaster_id,
        authorise=_in_its_county(command),
        act=lambda disaster, _: disaster.solve_housing(solved),
        reason=f"住房问题已解决：{body.how}",
        answer=lambda disaster: _read(disaster, day),
        case_of=no_case,
    )


@router.get(
    "/disasters/{disaster_id}",
    response_model=DisasterRead,
    summary="灾害救助情况 Relief and shelters of a disaster",
    responses=problem_responses(401, 403, 404),
)
async def get_disaster(
    disaster_id: str,
    repos: Repos,
    day: Today,
    response: Response,
    principal: Principal = Depends(READ),
) -> dict[str, Any]:
    """Allocation, granted, households by priority, those still in shelter and the target."""
    disaster = await repos.disasters.get(disaster_id)
    ensure_jurisdiction(principal, disaster.county_code)
    response.headers["ETag"] = etag_for(disaster.version)
    return _read(disaster, day)


def _read(disaster: Disaster, today: date) -> dict[str, Any]:
    declared = disaster.declared
    if declared is None:
        return {"disaster_id": disaster.id, "version": disaster.version}
    return {
        "disaster_id": disaster.id,
        "version": disaster.version,
        "county_code": declared.county_code,
        "name": declared.name,
        "allocation_fen": declared.allocation_fen,
        "granted_fen": disaster.granted_fen,
        "households": [_household(g) for g in _by_priority(disaster)],
        "in_temporary_shelter": disaster.in_shelter,
        "housing_solved": sorted(disaster.solved),
        "housing_target": declared.housing_target.isoformat(),
        "housing_target_missed": bool(disaster.in_shelter) and today > declared.housing_target,
    }


def _by_priority(disaster: Disaster) -> list[DisasterReliefGranted]:
    return sorted(disaster.granted.values(), key=lambda g: (g.priority, g.household_id))


def _household(grant: DisasterReliefGranted) -> dict[str, Any]:
    return {
        "household_id": grant.household_id,
        "category": grant.category,
        "priority": grant.priority,
        "amount_fen": grant.amount_fen,
    }
