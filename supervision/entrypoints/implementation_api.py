"""Implementation reports (SUP-11): counties file per period, the province sees filed and late."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.fields import Text
from shared.http.auth import require_roles
from shared.http.commands import Command, change, in_jurisdiction
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.identity import CountyCodeStr, divisions, jurisdiction_prefix
from supervision.application.policies import PolicyData
from supervision.domain.implementation import ImplementationFile, ReportPeriod, status
from supervision.domain.policy_book import REPORT_DUE_DAYS, REPORT_PERIOD
from supervision.entrypoints.wiring import ImplementationFiles, Policies

router = APIRouter(prefix="/v1/implementation-reports", tags=["implementation 贯彻落实情况"])
PERIOD_FORMS: dict[str, Any] = {"pattern": "^(20[0-9]{2}|2100)(-H[12])?$"}
"""Documents a period: a half year or a year; which of the two is policy data (REPORT_PERIOD)."""
READERS = require_roles(
    "inspector", "auditor", "county_officer", "city_officer", "province_officer"
)


class ReportIn(BaseModel):
    """A county's implementation report for a period."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "county_code": "620105",
                    "period": "2026-H2",
                    "document_ref": "安民发〔2027〕6号",
                    "summary": "下半年全区城乡低保标准按时提高，救助资金按月足额发放",
                }
            ]
        },
    )
    county_code: CountyCodeStr
    period: str = Field(
        description="2026-H1 / 2026-H2 (half_year), or 2026 (year); one that has ended on the"
        " service clock (422 `report-period-not-ended` otherwise)",
        json_schema_extra=PERIOD_FORMS,
    )
    document_ref: Text = Field(min_length=1, max_length=200, description="文号")
    summary: Text = Field(min_length=1, max_length=4000)


class ReportFiledRead(BaseModel):
    """An implementation report as filed, on time or late."""

    county_code: str
    period: str
    document_ref: str
    summary: str
    filed_on: date = Field(description="the service clock's date, China time")
    due_on: date
    late: bool


class ImplementationFileRead(BaseModel):
    """A county's implementation reports for a period."""

    file_id: str = Field(description="county code and period")
    version: int = Field(description="the file's version: If-Match of the next report")
    reports: list[ReportFiledRead]


class CountyReportRead(BaseModel):
    """A county's status for the period."""

    county_code: str
    name: str | None
    status: Literal["filed", "late", "missing", "not_yet_due"]
    filed_on: date | None = Field(description="the first report's date")
    document_ref: str | None = Field(description="the latest report's 文号")
    filings: int


class ReportCountsRead(BaseModel):
    """How many counties are at each status."""

    filed: int
    late: int
    missing: int
    not_yet_due: int


class ImplementationLedgerRead(BaseModel):
    """Filed, late and missing implementation reports per county for a period."""

    period: str
    due_on: date
    today: date = Field(description="the service clock's date the statuses are as of")
    summary: ReportCountsRead
    counties: list[CountyReportRead]


async def _period(policies: PolicyData, value: str, day: date) -> tuple[ReportPeriod, date]:
    kind, _ = await policies.value(REPORT_PERIOD, day)
    days, _ = await policies.value(REPORT_DUE_DAYS, day)
    period = ReportPeriod.parse(value, kind)
    return period, period.due_on(int(days))


def _read(file: ImplementationFile) -> dict[str, Any]:
    return {
        "file_id": file.id,
        "version": file.version,
        "reports": [asdict(r) for r in file.reports],
    }


@router.post(
    "",
    summary="报送贯彻落实情况 A county files its implementation report (If-Match)",
    response_model=ImplementationFileRead,
    responses=problem_responses(400, 401, 403, 412, 422, 428),
)
async def file_implementation_report(
    body: ReportIn,
    command: Command,
    policies: Policies,
    files: ImplementationFiles,
    day: Today,
) -> JSONResponse:
    """If-Match: the file's version (`"0"` for the period's first report); late when filed after
    the due day (the period's end plus the policy's days), on the service clock."""
    period, due = await _period(policies, body.period, day)
    return await change(
        command,
        files,
        ImplementationFile.id_for(body.county_code, period),
        authorise=in_jurisdiction(command, lambda _: body.county_code),
        act=lambda file, _: file.report(
            body.county_code, period, body.document_ref, body.summary, day, due
        ),
        reason="报送贯彻落实情况",
        answer=_read,
    )


@router.get(
    "",
    summary="贯彻落实情况台账 Filed, late and missing reports per county",
    response_model=ImplementationLedgerRead,
    responses=problem_responses(401, 403, 422),
)
async def list_implementation_reports(
    engine: Engine,
    policies: Policies,
    day: Today,
    period: str = Query(
        ..., description="2026-H1 / 2026-H2, or 2026", json_schema_extra=PERIOD_FORMS
    ),
    principal: Principal = Depends(READERS),
) -> dict[str, Any]:
    """Every county in the caller's jurisdiction with its status for the period."""
    parsed, due = await _period(policies, period, day)
    prefix = jurisdiction_prefix(principal.division)
    table = divisions()
    counties = [
        d.code for d in table if d.code.startswith(prefix) and table.hosts_townships(d.code)
    ]
    filed = await _filed(engine, str(parsed), prefix)
    rows = []
    for code in counties:
        reports = filed.get(code, [])
        first = date.fromisoformat(reports[0]["filed_on"]) if reports else None
        division = table.get(code)
        rows.append(
            {
                "county_code": code,
                "name": division.name if division else None,
                "status": status(first, due, day),
                "filed_on": first.isoformat() if first else None,
                "document_ref": reports[-1]["document_ref"] if reports else None,
                "filings": len(reports),
            }
        )
    summary = dict.fromkeys(("filed", "late", "missing", "not_yet_due"), 0)
    for row in rows:
        summary[str(row["status"])] += 1
    return {
        "period": str(parsed),
        "due_on": due.isoformat(),
        "today": day.isoformat(),
        "summary": summary,
        "counties": rows,
    }


async def _filed(engine: AsyncEngine, period: str, prefix: str) -> dict[str, list[dict]]:
    query = text(
        "SELECT data FROM events WHERE stream_id LIKE :s"
        " AND type = 'supervision.ImplementationReportFiled' ORDER BY position"
    )
    found: dict[str, list[dict]] = {}
    async with engine.connect() as conn:
        for row in await conn.execute(query, {"s": f"implementation-{prefix}%-{period}"}):
            if row.data["period"] == period:
                found.setdefault(row.data["county_code"], []).append(row.data)
    return found
