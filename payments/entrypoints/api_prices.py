"""Price linkage routes (PAY-5): parameters and monthly indices, set by the province."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.domain.prices import DEFAULT_PROGRAMMES, PriceLinkage, PriceLinkageParametersSet
from payments.domain.standards import PROVINCE
from payments.entrypoints.common import READERS, expected_version
from payments.entrypoints.wiring import Repos
from shared.domain.errors import ConcurrencyConflict
from shared.fields import Fen, Int64
from shared.http.auth import require_roles
from shared.http.commands import request_metadata
from shared.http.etag import etag_for, precondition_failed_from
from shared.http.idempotency import StoredResponse, idempotency_key, respond_idempotently
from shared.http.openapi import IF_MATCH_WHEN_EXISTS
from shared.http.problems import problem_responses
from shared.http.tokens import Principal

router = APIRouter(prefix="/v1", tags=["price linkage 物价联动"])
PROVINCE_ONLY = require_roles("province_officer")
READ = require_roles(*READERS)


class ParametersIn(BaseModel):
    """Trigger thresholds (basis points), subsidy per person per month, covered programmes."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{
            "cpi_threshold_bp": 350, "food_cpi_threshold_bp": 600, "subsidy_per_person_fen": 5000,
            "covered_programmes": ["urban_dibao", "rural_dibao", "extreme_poverty"],
            "reason": "甘肃省社会救助和保障标准与物价上涨挂钩联动机制（甘发改价格〔2027〕3号）",
        }]},
    )  # fmt: skip

    cpi_threshold_bp: Int64 = Field(default=350, ge=0, le=10_000, description="3.5% = 350")
    food_cpi_threshold_bp: Int64 = Field(default=600, ge=0, le=10_000, description="6% = 600")
    subsidy_per_person_fen: Fen = Field(gt=0, lt=10**8)
    covered_programmes: list[str] = Field(default=list(DEFAULT_PROGRAMMES), min_length=1)
    reason: str = Field(min_length=1, max_length=500)


class IndexIn(BaseModel):
    """A month's price indices, year on year, in basis points (may be negative)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{
            "month": "2027-02", "cpi_yoy_bp": 380, "food_cpi_yoy_bp": 720,
            "reason": "甘肃省统计局发布2027年2月居民消费价格指数",
        }]},
    )  # fmt: skip

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


async def _command(
    request: Request, repos: Repositories, principal: Principal, key: str, reason: str,
    change: Any,
) -> JSONResponse:  # fmt: skip
    """Load (or begin) the province's linkage, check If-Match, change it, save; idempotent by
    key."""

    async def operation(conn: AsyncConnection) -> StoredResponse:
        linkage = await repos.prices.find(PROVINCE, conn) or PriceLinkage(PROVINCE)
        expected = expected_version(request, linkage.version)
        change(linkage)
        try:
            recorded = await repos.prices.save(
                linkage, request_metadata(principal, reason), conn, expected
            )
        except ConcurrencyConflict as conflict:
            raise precondition_failed_from(conflict) from None
        version = recorded[-1].stream_version
        return StoredResponse(201, _read(linkage), {"ETag": etag_for(version)})

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
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
    body: ParametersIn,
    request: Request,
    repos: Repos,
    principal: Principal = Depends(PROVINCE_ONLY),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Thresholds, subsidy and covered programmes for the months recorded from now on."""
    parameters = PriceLinkageParametersSet(
        body.cpi_threshold_bp, body.food_cpi_threshold_bp, body.subsidy_per_person_fen,
        tuple(body.covered_programmes),
    )  # fmt: skip
    return await _command(
        request, repos, principal, key, body.reason, lambda linkage: linkage.configure(parameters)
    )


@router.post(
    "/price-linkage/indices",
    status_code=201,
    response_model=PriceLinkageRead,
    summary="录入月度价格指数 Record a month's CPI and food CPI",
    responses=problem_responses(400, 401, 403, 409, 412, 422, 428),
    openapi_extra=IF_MATCH_WHEN_EXISTS,
)
async def record_price_index(
    body: IndexIn,
    request: Request,
    repos: Repos,
    principal: Principal = Depends(PROVINCE_ONLY),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Record the figures; the subsidy is triggered or lapses for that month."""
    return await _command(
        request, repos, principal, key, body.reason,
        lambda linkage: linkage.record_index(body.month, body.cpi_yoy_bp, body.food_cpi_yoy_bp),
    )  # fmt: skip


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
