"""Centralised care report (SUP-10): share, target, monthly trend and those still dispersed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response

from shared.http.auth import ensure_jurisdiction
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.identity import division_code_or_empty, jurisdiction_prefix
from supervision.application.centralised_care import (
    COLUMNS,
    as_csv,
    by_county,
    persons,
    still_dispersed,
)
from supervision.application.reports import Period
from supervision.domain.policy_book import CENTRALISED_CARE_TARGET
from supervision.entrypoints.reports_api import MONTH_PATTERN, REPORTERS, _period
from supervision.entrypoints.wiring import Policies

router = APIRouter(prefix="/v1/reports", tags=["reports 统计报表"])


def _months_back(last: Period, count: int) -> list[Period]:
    months, (year, month) = [], (last.year, last.month)
    for _ in range(count):
        months.append(Period(year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


@router.get(
    "/centralised-care",
    summary="集中供养比例 Share of (semi-)disabled extreme-poverty persons in centralised care",
    responses={**problem_responses(400, 401, 403), 200: {"content": {"text/csv": {}}}},
)
async def get_centralised_care_report(
    engine: Engine,
    policies: Policies,
    day: Today,
    county: str | None = Query(
        None,
        description="a county (or city) inside the jurisdiction",
        json_schema_extra=division_code_or_empty(),
    ),
    period: str | None = Query(
        None,
        description="month YYYY-MM (default: this month)",
        json_schema_extra={"pattern": "^$|" + MONTH_PATTERN},
    ),
    months: int = Query(6, ge=1, le=24, description="months of trend, ending with `period`"),
    format: Literal["json", "csv"] = Query("json"),
    principal: Principal = Depends(REPORTERS),
) -> Response:
    """Per county at the end of the month (so far, for this month): counts, share, target and
    whether it is met; the trend of the share by month; everyone flagged but not centralised."""
    month = _period(period) if period else Period(day.year, day.month)
    scope = county or principal.division
    ensure_jurisdiction(principal, scope)
    prefix = jurisdiction_prefix(scope)
    value, version = await policies.value(CENTRALISED_CARE_TARGET, day)
    target = Decimal(value)
    people = await persons(engine, month.end, prefix)
    rows = by_county(people, target)
    if format == "csv":
        return Response(
            as_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="centralised-care-{month}.csv"'},
        )
    trend = []
    for past in _months_back(month, months):
        counties = by_county(await persons(engine, past.end, prefix), target)
        total = sum(r["disabled"] for r in counties)
        central = sum(r["centralised"] for r in counties)
        trend.append(
            {
                "period": str(past),
                "disabled": total,
                "centralised": central,
                "share": round(central / total, 4) if total else None,
                "by_county": {r["county_code"]: r["share"] for r in counties},
            }
        )
    body: dict[str, Any] = {
        "period": str(month),
        "jurisdiction": scope,
        "target": {"value": float(target), "policy_version": version},
        "columns": [{"name": en, "title_zh": zh} for en, zh in COLUMNS],
        "rows": rows,
        "trend": trend,
        "still_dispersed": still_dispersed(people),
    }
    return JSONResponse(body)
