"""Funds routes (PAY-7): allocations, arrivals, the county's position and public disclosure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Response
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator

from payments.application.context import Repositories
from payments.application.disclosure import disclosure, disclosure_html
from payments.domain.funds import FUNDED_PROGRAMMES, FundsAccount, FundsAllocated, FundsArrived
from payments.entrypoints.common import READERS, within
from payments.entrypoints.wiring import Projections, Repos
from shared.fields import Fen, Text
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Command, CommandRequest, create_or_change, no_case
from shared.http.etag import etag_for
from shared.http.openapi import IF_MATCH_WHEN_EXISTS
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine
from shared.identity import DIVISION_CODE, CountyCodeStr

router = APIRouter(prefix="/v1", tags=["funds 资金"])
READ = require_roles(*READERS)


class FundsMovement(BaseModel):
    """An allocation (下达) or an arrival (到位) of money for a county's programme."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "county_code": "620105",
                    "programme": "urban_dibao",
                    "source": "central",
                    "amount_fen": 1250000000,
                    "document_ref": "甘财社〔2027〕15号",
                    "reason": "下达2027年中央财政困难群众救助补助资金",
                }
            ]
        },
    )

    county_code: CountyCodeStr = Field(description="6-digit code of one of the province's counties")
    programme: str = Field(
        description="a programme SafetyNet pays (agencies' own programmes have no funds here)",
        json_schema_extra={"enum": list(FUNDED_PROGRAMMES)},
    )
    source: Literal["central", "provincial", "city", "county"]
    amount_fen: Fen = Field(gt=0, lt=10**13)
    document_ref: str = Field(default="", max_length=200, description="文号")
    reason: Text = Field(min_length=1, max_length=500)

    @field_validator("programme")
    @classmethod
    def _funded(cls, value: str) -> str:
        if value not in FUNDED_PROGRAMMES:
            raise ValueError(f"must be one of {', '.join(FUNDED_PROGRAMMES)}")
        return value


class FundsRecorded(BaseModel):
    """A movement recorded on the county's funds account for a programme."""

    funds: str = Field(description="the funds account: county and programme")
    version: int = Field(description="the account's version after the movement (its ETag)")


class ProgrammeFundsRead(BaseModel):
    """One programme's money in the county, in fen."""

    programme: str
    allocated_fen: int
    arrived_fen: int
    paid_fen: int
    available_fen: int = Field(description="arrived and not yet committed to a payment")


class PerformanceRead(BaseModel):
    """The county's payment performance; a rate is null when there is nothing to divide by."""

    payout_rate: float | None = Field(description="settled / instructed payments")
    on_time_rate: float | None = Field(description="settled within their month / settled")
    coverage: float | None = Field(
        description="of the benefits due in `coverage_period` (enrolled by its last day, not"
        " stopped on or before its first), the share whose payment of that month settled;"
        " never above 1"
    )
    coverage_period: str | None = Field(
        description="the month coverage is of: the county's latest month with a payment (YYYY-MM)"
    )
    cost_per_beneficiary_fen: int | None
    paid_fen: int
    beneficiaries_paid: int


class DisclosureRead(BaseModel):
    """Fund use and performance figures of a county (资金使用公示)."""

    county_code: str
    programmes: list[ProgrammeFundsRead]
    performance: PerformanceRead


class FundsAccountRead(BaseModel):
    """A county's money for a programme by source (central, provincial, city, county), in fen."""

    county_code: str
    programme: str
    version: int = Field(description="the account's version: If-Match of the next movement")
    allocated_fen: dict[str, int] = Field(description="source → allocated fen")
    arrived_fen: dict[str, int] = Field(description="source → arrived fen")


async def _move(
    body: FundsMovement,
    command: CommandRequest,
    repos: Repositories,
    act: Callable[[FundsAccount], None],
) -> JSONResponse:
    """A movement on the county's account for the programme (opened by its first)."""
    aggregate_id = FundsAccount.id_for(body.county_code, body.programme)
    return await create_or_change(
        command,
        repos.funds,
        aggregate_id,
        new=lambda: FundsAccount(aggregate_id),
        authorise=within(command, body.county_code),
        act=lambda account, _: act(account),
        reason=body.reason,
        answer=lambda account: {"funds": aggregate_id, "version": account.version},
        case_of=no_case,
        status=201,
    )


@router.post(
    "/funds/allocations",
    status_code=201,
    response_model=FundsRecorded,
    summary="资金下达 Record an allocation",
    responses=problem_responses(400, 401, 403, 412, 422, 428),
    openapi_extra=IF_MATCH_WHEN_EXISTS,
)
async def record_funds_allocation(
    body: FundsMovement, command: Command, repos: Repos
) -> JSONResponse:
    """Money allocated to a county's programme by one level of government."""
    allocation = FundsAllocated(
        body.county_code, body.programme, body.source, body.amount_fen, body.document_ref
    )
    return await _move(body, command, repos, lambda account: account.allocate(allocation))


@router.post(
    "/funds/arrivals",
    status_code=201,
    response_model=FundsRecorded,
    summary="资金到位 Record an arrival",
    responses=problem_responses(400, 401, 403, 412, 422, 428),
    openapi_extra=IF_MATCH_WHEN_EXISTS,
)
async def record_funds_arrival(body: FundsMovement, command: Command, repos: Repos) -> JSONResponse:
    """Allocated money arrived in the county's account."""
    arrival = FundsArrived(body.county_code, body.programme, body.source, body.amount_fen)
    return await _move(body, command, repos, lambda account: account.arrive(arrival))


@router.get(
    "/disclosure/{county_code}",
    response_model=DisclosureRead,
    summary="资金使用公示 Fund use and performance figures (JSON)",
    responses=problem_responses(401, 403),
)
async def get_funds_disclosure(
    county_code: Annotated[str, DIVISION_CODE],
    projections: Projections,
    engine: Engine,
    principal: Principal = Depends(READ),
) -> dict[str, Any]:
    """Allocated / arrived / paid by programme, payout, on-time, coverage, cost per head."""
    ensure_jurisdiction(principal, county_code)
    await projections.catch_up_all()
    async with engine.connect() as conn:
        return await disclosure(conn, county_code)


@router.get(
    "/disclosure/{county_code}/page",
    response_class=HTMLResponse,
    summary="资金使用公示（打印版） Printable Chinese disclosure page",
    responses=problem_responses(401, 403),
)
async def get_funds_disclosure_page(
    county_code: Annotated[str, DIVISION_CODE],
    projections: Projections,
    engine: Engine,
    principal: Principal = Depends(READ),
) -> HTMLResponse:
    """The same figures as a printable page in Chinese."""
    data = await get_funds_disclosure(county_code, projections, engine, principal)
    return HTMLResponse(disclosure_html(data))


@router.get(
    "/funds/{county_code}/{programme}",
    response_model=FundsAccountRead,
    summary="资金账户 Allocated and arrived money by source, with the account's ETag",
    responses=problem_responses(401, 403, 404),
)
async def get_funds_account(
    county_code: Annotated[str, DIVISION_CODE],
    programme: str,
    repos: Repos,
    response: Response,
    principal: Principal = Depends(READ),
) -> dict[str, Any]:
    """The county's money for a programme by source (ETag for the next movement's If-Match)."""
    ensure_jurisdiction(principal, county_code)
    account = await repos.funds.get(FundsAccount.id_for(county_code, programme))
    response.headers["ETag"] = etag_for(account.version)
    return {
        "county_code": county_code,
        "programme": programme,
        "version": account.version,
        "allocated_fen": dict(account.allocated),
        "arrived_fen": dict(account.arrived),
    }
