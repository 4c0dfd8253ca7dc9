"""Reports to the provincial department (SUP-8): statistics by county, programme and month."""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.clock import CHINA, Clock
from shared.domain.errors import DomainError
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, ServiceClock
from shared.identity import division_code_or_empty, jurisdiction_prefix
from supervision.application.report_charts import (
    MEDIA_TYPES,
    SERIES,
    ChartFormat,
    SeriesName,
    chart_language,
    render,
)
from supervision.application.report_xlsx import as_xlsx, statistics_tables
from supervision.application.reports import COLUMNS, Period, as_csv, statistics

router = APIRouter(prefix="/v1/reports", tags=["reports 统计报表"])
REPORTERS = require_roles(
    "county_officer", "city_officer", "province_officer", "auditor", "inspector"
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class InvalidPeriod(DomainError):
    """`period` is not a month written YYYY-MM."""

    code = "invalid-period"
    status = 400
    title_en = "Invalid period"
    title_zh = "统计期间无效"


MONTH_PATTERN = "^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$"
"""A reporting month, YYYY-MM, of the years every dated route takes (2000 to 2100)."""
_MONTH = {"pattern": MONTH_PATTERN}


def _period(value: str) -> Period:
    try:
        month = Period.parse(value)
        if not 2000 <= month.year <= 2100:
            raise ValueError(value)
        return month
    except ValueError:
        raise InvalidPeriod(
            "period must be a month written YYYY-MM, e.g. 2026-11",
            "统计期间应为 YYYY-MM 格式的月份，例如 2026-11",
            field="period",
        ) from None


async def _rows(
    engine: AsyncEngine, principal: Principal, period: str, division: str | None
) -> tuple[Period, str, list[dict[str, Any]]]:
    """The month, the division reported on (the caller's own unless a part of it is named)."""
    month = _period(period)
    scope = division or principal.division
    ensure_jurisdiction(principal, scope)
    rows = await statistics(engine, month, jurisdiction_prefix(scope))
    return month, scope, rows


def _attachment(body: bytes | str, media_type: str, filename: str) -> Response:
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


_DIVISION = Query(
    None,
    description="a division inside the caller's jurisdiction (default: the caller's own)",
    json_schema_extra=division_code_or_empty(),
)


@router.get(
    "/statistics",
    summary="统计报表 Applications, approvals, spending, complaints… by county and programme",
    responses={
        **problem_responses(400, 401, 403),
        200: {"content": {"application/json": {}, "text/csv": {}, XLSX: {}}},
    },
)
async def get_statistics_report(
    engine: Engine,
    clock: ServiceClock,
    period: str = Query(..., description="month, YYYY-MM (China time)", json_schema_extra=_MONTH),
    format: Literal["json", "csv", "xlsx"] = Query("json"),
    division: str | None = _DIVISION,
    principal: Principal = Depends(REPORTERS),
) -> Response:
    """The month's figures for every county in the caller's jurisdiction (JSON, CSV or XLSX).

    `approvals` and `new_beneficiaries` are the month's own decisions: households brought in by
    caseload migration (ADR 0037) are counted apart in `migrated_in` (存量迁移纳入数)."""
    month, scope, rows = await _rows(engine, principal, period, division)
    if format == "csv":
        return _attachment(
            as_csv(rows), "text/csv; charset=utf-8", f"safetynet-statistics-{month}.csv"
        )
    if format == "xlsx":
        return await _xlsx(clock, month, scope, rows)
    body: dict[str, Any] = {
        "period": str(month),
        "jurisdiction": scope,
        "columns": [{"name": en, "title_zh": zh} for en, zh in COLUMNS],
        "rows": rows,
        "charts": {name: _chart_links(name, month, division) for name in SERIES},
    }
    return JSONResponse(body)


@router.get(
    "/statistics.xlsx",
    summary="统计报表（Excel）The month's statistics as an XLSX workbook",
    responses={**problem_responses(400, 401, 403), 200: {"content": {XLSX: {}}}},
    response_class=Response,
)
async def get_statistics_workbook(
    engine: Engine,
    clock: ServiceClock,
    period: str = Query(..., description="month, YYYY-MM (China time)", json_schema_extra=_MONTH),
    division: str | None = _DIVISION,
    principal: Principal = Depends(REPORTERS),
) -> Response:
    """Same figures as the JSON report; one sheet per table, Chinese headers, yuan beside fen."""
    month, scope, rows = await _rows(engine, principal, period, division)
    return await _xlsx(clock, month, scope, rows)


async def _xlsx(clock: Clock, month: Period, scope: str, rows: list[dict[str, Any]]) -> Response:
    workbook = await asyncio.to_thread(
        as_xlsx,
        statistics_tables(rows),
        period=str(month),
        jurisdiction=scope,
        generated_at=clock.now().astimezone(CHINA),
    )
    return _attachment(workbook, XLSX, f"safetynet-statistics-{month}.xlsx")


@router.get(
    "/statistics/charts/{series}.{fmt}",
    summary="统计图表 A chart of one main series of the month (PNG or SVG)",
    responses={
        **problem_responses(400, 401, 403),
        200: {"content": {"image/png": {}, "image/svg+xml": {}}},
    },
    response_class=Response,
)
async def get_statistics_chart(
    series: SeriesName,
    fmt: ChartFormat,
    engine: Engine,
    period: str = Query(..., description="month, YYYY-MM (China time)", json_schema_extra=_MONTH),
    division: str | None = _DIVISION,
    principal: Principal = Depends(REPORTERS),
) -> Response:
    """One bar group per county; labels are Chinese if a CJK font is installed, else English."""
    month, scope, rows = await _rows(engine, principal, period, division)
    image = await asyncio.to_thread(render, series, rows, str(month), scope, fmt)
    return Response(
        image,
        media_type=MEDIA_TYPES[fmt],
        headers={
            "Content-Disposition": f'inline; filename="safetynet-{series}-{month}.{fmt}"',
            "Content-Language": "zh-CN" if chart_language() == "zh" else "en",
        },
    )


def _chart_links(name: str, month: Period, division: str | None) -> dict[str, str]:
    query = f"?period={month}" + (f"&division={division}" if division else "")
    return {fmt: f"{router.prefix}/statistics/charts/{name}.{fmt}{query}" for fmt in MEDIA_TYPES}
