"""Coordination mechanisms, city joint meetings and dated policy tasks (SUP-6, SUP-9)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.fields import Text
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Command, CommandRequest, change, in_jurisdiction
from shared.http.etag import etag_for
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.identity import DIVISION_CODE, divisions, jurisdiction_prefix
from supervision.application.files import Files
from supervision.domain.coordination import (
    POLICY_TASKS,
    DivisionFile,
    JointMeetingHeld,
    MechanismFiled,
    PolicyTaskReported,
    filing_deadline,
    task_deadline,
    task_status,
)
from supervision.entrypoints.wiring import DivisionFiles

router = APIRouter(prefix="/v1", tags=["coordination 协调机制与政策任务"])
READERS = require_roles(
    "inspector", "auditor", "county_officer", "city_officer", "province_officer"
)
YEAR = Path(ge=2000, le=2100)
DivisionCode = Annotated[str, DIVISION_CODE]
STEP_ERRORS = problem_responses(400, 401, 403, 409, 412, 422, 428)


class MechanismIn(BaseModel):
    """The county's coordination mechanism as filed."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "filed_on": "2027-03-01",
                    "head": "安宁区人民政府副区长 刘志刚",
                    "lead_department": "安宁区民政局",
                    "member_departments": [
                        "区财政局",
                        "区人社局",
                        "区卫健局",
                        "区医保局",
                        "区住建局",
                        "区教育局",
                    ],
                }
            ]
        },
    )
    filed_on: date
    head: Text = Field(min_length=1, max_length=100, description="政府负责人（负总责）")
    lead_department: Text = Field(min_length=1, max_length=60)
    member_departments: list[str] = Field(min_length=1, max_length=40)


class MeetingIn(BaseModel):
    """A city joint meeting."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "held_on": "2027-03-05",
                    "topics": ["困难群众救助资金监管", "低收入人口动态监测"],
                    "departments": ["市民政局", "市财政局", "市医保局", "市乡村振兴局"],
                }
            ]
        },
    )
    held_on: date
    topics: list[str] = Field(min_length=1, max_length=20)
    departments: list[str] = Field(min_length=1, max_length=40)


class TaskIn(BaseModel):
    """Progress on a policy task."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "task_id": "three_practical_tasks",
                    "status": "done",
                    "reported_on": "2027-03-08",
                    "note": "城乡低保、特困供养标准已按省定指导标准提高并于3月起发放",
                }
            ]
        },
    )
    task_id: str
    status: Literal["in_progress", "done"]
    reported_on: date
    note: Text = Field(min_length=1, max_length=2000)


class MechanismRead(BaseModel):
    """The county's coordination mechanism as filed."""

    county_code: str
    year: int
    filed_on: date
    head: str = Field(description="政府负责人（负总责）")
    lead_department: str
    member_departments: list[str]


class MeetingRead(BaseModel):
    """A city joint meeting held."""

    city_code: str
    year: int
    held_on: date
    topics: list[str]
    departments: list[str]


class TaskReportRead(BaseModel):
    """The latest progress reported on a policy task."""

    county_code: str
    year: int
    task_id: str
    status: Literal["in_progress", "done"]
    reported_on: date
    note: str


class CoordinationFileRead(BaseModel):
    """A county's or city's coordination file for a year (version 0 and empty: nothing filed)."""

    file_id: str = Field(description="division code and year")
    version: int = Field(description="the file's version: If-Match of the next record")
    mechanism: MechanismRead | None
    meetings: list[MeetingRead]
    tasks: dict[str, TaskReportRead] = Field(description="task id → its latest report")


TaskStatus = Literal["done", "done_late", "in_progress", "not_started", "overdue"]


class CountyTaskRead(BaseModel):
    """A county's status on one dated policy task."""

    title_zh: str
    deadline: date
    status: TaskStatus
    done_on: date | None


class CountyTasksRead(BaseModel):
    """A county and its status on every dated policy task."""

    county_code: str
    name: str | None
    tasks: dict[str, CountyTaskRead] = Field(description="task id → status")


class TaskCountsRead(BaseModel):
    """How many counties are at each status of a task."""

    done: int
    done_late: int
    in_progress: int
    not_started: int
    overdue: int


class PolicyTasksRead(BaseModel):
    """The year's dated policy tasks per county in the caller's jurisdiction."""

    year: int
    filing_deadline: date = Field(description="the coordination mechanism's filing deadline")
    summary: dict[str, TaskCountsRead] = Field(description="task id → counties per status")
    counties: list[CountyTasksRead]


def _read(file: DivisionFile) -> dict[str, Any]:
    return {
        "file_id": file.id,
        "version": file.version,
        "mechanism": asdict(file.mechanism) if file.mechanism else None,
        "meetings": [asdict(m) for m in file.meetings],
        "tasks": {k: asdict(v) for k, v in file.tasks.items()},
    }


async def _record(
    command: CommandRequest,
    files: Files[DivisionFile],
    code: str,
    year: int,
    step: Callable[[DivisionFile], None],
    reason: str,
) -> JSONResponse:
    """Append to the division's file of the year at the If-Match version (`"0"`: a new file)."""
    return await change(
        command,
        files,
        f"{code}-{year}",
        authorise=in_jurisdiction(command, lambda _: code),
        act=lambda file, _: step(file),
        reason=reason,
        answer=_read,
    )


@router.get(
    "/coordination/{code}/{year}",
    responses=problem_responses(401, 403),
    response_model=CoordinationFileRead,
    summary="协调档案 A county's or city's coordination file for a year",
)
async def get_coordination_file(
    code: DivisionCode,
    response: Response,
    files: DivisionFiles,
    year: int = YEAR,
    principal: Principal = Depends(READERS),
) -> dict[str, Any]:
    """The file (version 0 and empty when nothing was filed yet)."""
    ensure_jurisdiction(principal, code)
    file = await files.get(f"{code}-{year}")
    response.headers["ETag"] = etag_for(file.version)
    return _read(file)


@router.post(
    "/coordination/{county_code}/{year}/mechanism",
    responses=STEP_ERRORS,
    response_model=CoordinationFileRead,
    summary="协调机制备案 File the coordination mechanism (If-Match)",
)
async def file_coordination_mechanism(
    county_code: DivisionCode,
    body: MechanismIn,
    command: Command,
    files: DivisionFiles,
    year: int = YEAR,
) -> JSONResponse:
    """Civil affairs leading, every member department listed; filed against the deadline."""
    event = MechanismFiled(
        county_code,
        year,
        body.filed_on,
        body.head,
        body.lead_department,
        tuple(body.member_departments),
    )
    return await _record(
        command, files, county_code, year, lambda f: f.file_mechanism(event), "协调机制报备"
    )


@router.post(
    "/coordination/{city_code}/{year}/joint-meetings",
    responses=STEP_ERRORS,
    response_model=CoordinationFileRead,
    summary="联席会议 Record a city joint meeting (If-Match)",
)
async def record_joint_meeting(
    city_code: DivisionCode,
    body: MeetingIn,
    command: Command,
    files: DivisionFiles,
    year: int = YEAR,
) -> JSONResponse:
    """Record the meeting, its topics and the departments present."""
    event = JointMeetingHeld(
        city_code, year, body.held_on, tuple(body.topics), tuple(body.departments)
    )
    return await _record(
        command, files, city_code, year, lambda f: f.hold_meeting(event), "联席会议记录"
    )


@router.post(
    "/coordination/{county_code}/{year}/policy-tasks",
    responses=STEP_ERRORS,
    response_model=CoordinationFileRead,
    summary="政策任务进展 Report progress on a dated policy task (If-Match)",
)
async def report_policy_task(
    county_code: DivisionCode,
    body: TaskIn,
    command: Command,
    files: DivisionFiles,
    year: int = YEAR,
) -> JSONResponse:
    """Report in progress or done."""
    event = PolicyTaskReported(
        county_code, year, body.task_id, body.status, body.reported_on, body.note
    )
    return await _record(
        command, files, county_code, year, lambda f: f.report_task(event), "政策任务进展报告"
    )


@router.get(
    "/policy-tasks",
    responses=problem_responses(400, 401, 403),
    response_model=PolicyTasksRead,
    summary="政策任务台账 Dated tasks and their status per county",
)
async def list_policy_tasks(
    engine: Engine,
    today: Today,
    year: int = Query(..., ge=2000, le=2100),
    principal: Principal = Depends(READERS),
) -> dict[str, Any]:
    """Filed / late / overdue per county, for coordination filing and the other dated tasks."""
    prefix = jurisdiction_prefix(principal.division)
    table = divisions()
    counties = [
        d.code for d in table if d.code.startswith(prefix) and table.hosts_townships(d.code)
    ]
    reported = await _reports(engine, year, prefix)
    rows = [_county_row(code, year, reported.get(code, {}), today) for code in counties]
    summary = {
        task: dict.fromkeys(("done", "done_late", "in_progress", "not_started", "overdue"), 0)
        for task in POLICY_TASKS
    }
    for row in rows:
        for task, state in row["tasks"].items():
            summary[task][state["status"]] += 1
    return {
        "year": year,
        "filing_deadline": filing_deadline(year).isoformat(),
        "summary": summary,
        "counties": rows,
    }


async def _reports(engine: AsyncEngine, year: int, prefix: str) -> dict[str, dict[str, dict]]:
    query = text(
        "SELECT type, data FROM events WHERE stream_id LIKE :s AND type IN"
        " ('supervision.MechanismFiled', 'supervision.PolicyTaskReported') ORDER BY position"
    )
    found: dict[str, dict[str, dict]] = {}
    async with engine.connect() as conn:
        for row in await conn.execute(query, {"s": f"division-file-{prefix}%-{year}"}):
            task = (
                "coordination_filing"
                if row.type.endswith("MechanismFiled")
                else row.data["task_id"]
            )
            found.setdefault(row.data["county_code"], {})[task] = row.data
    return found


def _county_row(code: str, year: int, reports: dict[str, dict], today: date) -> dict[str, Any]:
    tasks = {}
    for task, (title, _) in POLICY_TASKS.items():
        report = reports.get(task)
        done = (
            (
                report.get("filed_on")
                if task == "coordination_filing"
                else report["reported_on"]
                if report and report["status"] == "done"
                else None
            )
            if report
            else None
        )
        done_on = date.fromisoformat(done) if done else None
        deadline = task_deadline(task, year)
        tasks[task] = {
            "title_zh": title,
            "deadline": deadline.isoformat(),
            "status": task_status(done_on, report is not None, deadline, today),
            "done_on": done_on,
        }
    division = divisions().get(code)
    return {"county_code": code, "name": division.name if division else None, "tasks": tasks}
