"""Price linkage routes (PAY-5): parameters and monthly indices, set by the province."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from payments.application.context import Repositories
from payments.domain.prices import DEFAULT_PROGRAMMES, PriceLinkage, PriceLinkageParametersSet
from payments.domain.standards import PROVINCE
from payments.entrypoints.common import READERS, nothing_more
from payments.entrypoints.wiring import Repos
from shared.fields import Fen, Int64, Text
from shared.http.auth import require_roles
from shared.http.commands import Command, CommandRequest, create_or_change, no_case
from shared.http.etag import etag_for
from shared.http.openapi import IF_MATCH_WHEN_EXISTS
from shared.http.problems import problem_responses
from shared.http.tokens import Principal

router = APIRouter(prefix="/v1", tags=["price linkage 物价联动"])
READ = require_roles(*READERS)


class ParametersIn(BaseModel):
    """Trigger thresholds (basis points), subsidy per person per month, covered programmes."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "cpi_threshold_bp": 350,
                    "food_cpi_threshold_bp": 600,
                    "subsidy_per_person_fen": 5000,
                    "covered_programmes": ["urban_dibao", "rural_dibao", "extreme_poverty"],
                    "reason": (
                        "甘肃省社会救助和保障标准与物价上涨挂钩联动机制（甘发改价格〔2027〕3号）"
                    ),
                }
            ]
        },
    )

    cpi_threshold_bp: Int64 = Field(default=350, ge=0, le=10_000, description="3.5% = 350")
    food_cpi_threshold_bp: Int64 = Field(default=600, ge=0, le=10_000, description="6% = 600")
    subsidy_per_person_fen: Fen = Field(gt=0, lt=10**8)
    covered_programmes: list[str] = Field(default=list(DEFAULT_PROGRAMMES), min_length=1)
    reason: Text = Field(min_length=1, max_length=500)


class IndexIn(BaseModel):
    """A month's price indices, year on year, in basis points (may be negative)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "month": "2027-02",
                    "cpi_yoy_bp": 380,
                    "food_cpi_yoy_bp": 720,
                    "reason": "甘肃省统计局发布2027年2月居民消费价格指数",
                }
            ]
        },
    )

    month: str = Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$", description="YYYY-MM")
    cpi_yoy_bp: Int64 = Field(ge=-10_000, le=10_000)
    food_cpi_yoy_bp: Int64 = Field(ge=-10_000, le=10_000)
    reason: str = Field(default="统计部门发布", min_length=1, max_length=500)


class LinkageParametersRead(BaseModel):
    """The parameters in use for the months recorded from now on."""

    cpi_threshold_bp: int = Field(description="CPI year on year at or above which it triggers")
    food_cpi_threshold_bp: int = Field(description="food CPI threshold, basis points")
    subsidy_per_person_fen: int
    covered_programmes: list[str]


class MonthDecisionRead(BaseModel):
    """Whether a month's indices triggered the subsidy."""

    triggered: bool
    cpi_yoy_bp: int
    food_cpi_yoy_bp: int


class PriceLinkageRead(BaseModel):
    """The province's price linkage: parameters and each recorded month's decision."""

    version: int = Field(description="the linkage's version: If-Match of the next change")
    parameters: LinkageParametersRead
    months: dict[str, MonthDecisionRead] = Field(description="YYYY-MM → the month's decision")


async def _change(
    command: CommandRequest, repos: Repositories, reason: str, act: Callable[[PriceLinkage], None]
) -> JSONResponse:
    """A change to the province's linkage (begun by its first)."""
    return await create_or_change(
        command,
        repos.prices,
        PROVINCE,
        new=lambda: PriceLinkage(PROVINCE),
        authorise=nothing_more,
        act=lambda linkage, _: act(linkage),
        reason=reason,
        answer=_read,
        case_of=no_case,
        status=201,
    )


@router.post(
    "/price-linkage/parameters",
    status_code=201,
    response_model=PriceLinkageRead,
    summary="设定物价联动参数 Set the price linkage parameters",
    responses=problem_responses(400, 401, 403, 412, 422, 428),
    openapi_extra=IF_MATCH_WHEN_EXISTS,
)
async def set_price_linkage_parameters(
    body: ParametersIn, command: Command, repos: Repos
) -> JSONResponse:
    """Thresholds, subsidy and covered programmes for the months recorded from now on."""
    parameters = PriceLinkageParametersSet(
        body.cpi_threshold_bp,
        body.food_cpi_threshold_bp,
        body.subsidy_per_person_fen,
        tuple(body.covered_programmes),
    )
    return await _change(command, repos, body.reason, lambda linkage: linkage.configure(parameters))


@router.post(
    "/price-linkage/indices",
    status_code=201,
    response_model=PriceLinkageRead,
    summary="录入月度价格指数 Record a month's CPI and food CPI",
    responses=problem_responses(400, 401, 403, 409, 412, 422, 428),
    openapi_extra=IF_MATCH_WHEN_EXISTS,
)
async def record_price_index(body: IndexIn, command: Command, repos: Repos) -> JSONResponse:
    """Record the figures; the subsidy is triggered or lapses for that month."""
    return await _change(
        command,
        repos,
        body.reason,
        lambda linkage: linkage.record_index(body.month, body.cpi_yoy_bp, body.food_cpi_yoy_bp),
    )


@router.get(
    "/price-linkage",
    response_model=PriceLinkageRead,
    summary="物价联动状态 Parameters and each month's decision",
    responses=problem_responses(401, 403),
)
async def get_price_linkage(
    repos: Repos, response: Response, principal: Principal = Depends(READ)
) -> dict[str, Any]:
    """The parameters in use and, per month, whether the subsidy was triggered."""
    linkage = await repos.prices.find(PROVINCE) or PriceLinkage(PROVINCE)
    response.headers["ETag"] = etag_for(linkage.version)
    return _read(linkage)


def _read(linkage: PriceLinkage) -> dict[str, Any]:
    p = linkage.parameters
    return {
        "version": linkage.version,
        "parameters": {
            "cpi_threshold_bp": p.cpi_threshold_bp,
            "food_cpi_threshold_bp": p.food_cpi_threshold_bp,
            "subsidy_per_person_fen": p.subsidy_per_person_fen,
            "covered_programmes": list(p.covered_programmes),
        },
        "months": {
            month: {
                "triggered": type(decision).__name__ == "PriceSubsidyTriggered",
                "cpi_yoy_bp": decision.cpi_yoy_bp,
                "food_cpi_yoy_bp": decision.food_cpi_yoy_bp,
            }
            for month, decision in sorted(linkage.months.items())
        },
    }
