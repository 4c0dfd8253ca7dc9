"""Reports to the provincial department (SUP-8): statistics by county, programme and month."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from shared.domain.errors import DomainError
from shared.http.auth import require_roles
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.identity import jurisdiction_prefix
from supervision.application.reports import COLUMNS, Period, as_csv, statistics

router = APIRouter(prefix="/v1/reports", tags=["reports 统计报表"])
REPORTERS = require_roles(
    "county_officer", "city_officer", "province_officer", "auditor", "inspector"
)


class InvalidPeriod(DomainError):
    """`period` is not a month written YYYY-MM."""

    code = "invalid-period"
    status = 400
    title_en = "Invalid period"
    title_zh = "统计期间无效"


def _period(value: str) -> Period:
    try:
        return Period.parse(value)
    except ValueError:
        raise InvalidPeriod(
            "period must be a month written YYYY-MM, e.g. 2026-11",
            "统计期间应为 YYYY-MM 格式的月份，例如 2026-11",
            field="period",
        ) from None


@router.get(
    "/statistics",
    summary="统计报表 Applications, approvals, spending, complaints… by county and programme",
    responses={
        **problem_responses(400, 401, 403),
        200: {"content": {"application/json": {}, "text/csv": {}}},
    },
)
async def report(
    request: Request,
    period: str = Query(..., description="month, YYYY-MM (China time)"),
    format: Literal["json", "csv"] = Query("json"),
    principal: Principal = Depends(REPORTERS),
) -> Response:
    """The month's figures for every county in the caller's jurisdiction."""
    month = _period(period)
    rows = await statistics(
        request.app.state.engine, month, jurisdiction_prefix(principal.division)
    )
    if format == "csv":
        filename = f"safetynet-statistics-{month}.csv"
        return Response(
            as_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    body: dict[str, Any] = {
        "period": str(month),
        "jurisdiction": principal.division,
        "columns": [{"name": en, "title_zh": zh} for en, zh in COLUMNS],
        "rows": rows,
    }
    return JSONResponse(body)
