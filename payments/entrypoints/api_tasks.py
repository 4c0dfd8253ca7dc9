"""Practical task routes (PAY-4): enter the year's dated targets, see which are met."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text

from payments.domain.standards import STANDARD_PROGRAMMES
from payments.domain.tasks import PracticalTaskEntered, PracticalTasks, due_date, task_status
from payments.entrypoints.common import READERS, nothing_more
from payments.entrypoints.wiring import Projections, Repos
from shared.fields import Fen, Int64, Text
from shared.http.auth import require_roles
from shared.http.commands import Command, create_or_change, no_case
from shared.http.etag import etag_for
from shared.http.openapi import IF_MATCH_WHEN_EXISTS, sends
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today

router = APIRouter(prefix="/v1", tags=["practical tasks 为民办实事"])
READ = require_roles(*READERS)

_MET = text(
    """
    SELECT min((recorded_at AT TIME ZONE 'Asia/Shanghai')::date) AS met_on FROM standards_view
    WHERE division_code = '62' AND programme = :programme
      AND (CASE WHEN CAST(:cls AS text) IS NULL THEN monthly_per_person_fen
                ELSE coalesce(CAST(class_amounts_fen ->> CAST(:cls AS text) AS bigint), 0)
           END) >= :target
    """
)


class TaskIn(BaseModel):
    """A practical task on a provincial guidance standard."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "year": 2027,
                    "task_id": "urban-dibao-825",
                    "title": "城市低保指导标准提高到每人每月825元",
                    "programme": "urban_dibao",
                    "target_fen": 82500,
                    "due": "2027-06-30",
                    "reason": "2027年省政府为民办实事项目",
                }
            ]
        },
    )

    year: Int64 = Field(ge=2000, le=2100)
    task_id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,50}$")
    title: Text = Field(min_length=1, max_length=200)
    programme: str = Field(json_schema_extra={"enum": list(STANDARD_PROGRAMMES)})
    target_fen: Fen = Field(gt=0, lt=10**9, description="分/人/月 to reach")
    rural_class: Int64 | None = Field(default=None, ge=1, le=4)
    due: date | None = Field(default=None, description="default: 30 June of the year")
    reason: Text = Field(min_length=1, max_length=500)


class TaskEnteredRead(BaseModel):
    """A practical task just entered."""

    year: int
    task_id: str


class TaskProgressRead(BaseModel):
    """A practical task with its due date and whether (and when) it was met."""

    year: int
    task_id: str
    title: str
    programme: str
    target_fen: int = Field(description="分/人/月 the provincial guidance standard must reach")
    rural_class: int | None = Field(description="the rural dibao class, when the target is one")
    due: date
    status: Literal["met", "met_late", "overdue", "open"]
    met_on: date | None = Field(description="the day the standard in force first reached it")


class PracticalTasksRead(BaseModel):
    """The year's practical tasks and their progress."""

    year: int
    tasks: list[TaskProgressRead]


@router.post(
    "/practical-tasks",
    status_code=201,
    response_model=TaskEnteredRead,
    summary="录入为民办实事 Enter a practical task",
    responses=problem_responses(400, 401, 403, 409, 412, 422, 428),
    openapi_extra=IF_MATCH_WHEN_EXISTS,
)
async def enter_practical_task(body: TaskIn, command: Command, repos: Repos) -> JSONResponse:
    """A dated target for the year (by default due at the end of June)."""
    year = str(body.year)
    task = PracticalTaskEntered(
        body.year,
        body.task_id,
        body.title,
        body.programme,
        body.target_fen,
        body.rural_class,
        due_date(body.year, body.due),
    )
    return await create_or_change(
        command,
        repos.tasks,
        year,
        new=lambda: PracticalTasks(year),
        authorise=nothing_more,
        act=lambda tasks, _: tasks.enter(task),
        reason=body.reason,
        answer=lambda _: {"year": body.year, "task_id": body.task_id},
        case_of=no_case,
        status=201,
        location=f"/v1/practical-tasks/{year}",
    )


@router.get(
    "/practical-tasks/{year}",
    response_model=PracticalTasksRead,
    summary="实事进展 The year's tasks: met, open, overdue",
    responses={**problem_responses(401, 403), **sends(200, "ETag")},
)
async def get_practical_tasks(
    year: int,
    repos: Repos,
    projections: Projections,
    engine: Engine,
    today: Today,
    response: Response,
    principal: Principal = Depends(READ),
) -> dict[str, Any]:
    """Each task with its target, due date and whether (and when) it was met."""
    tasks = await repos.tasks.find(str(year)) or PracticalTasks(str(year))
    await projections.catch_up("payments.standards_view")
    out = []
    async with engine.connect() as conn:
        for task in tasks.tasks.values():
            cls = str(task.rural_class) if task.rural_class else None
            params = {"programme": task.programme, "cls": cls, "target": task.target_fen}
            met_on = (await conn.execute(_MET, params)).scalar_one()
            status = task_status(met_on, task.due, today)
            out.append(
                {
                    **task.__dict__,
                    "due": task.due.isoformat(),
                    "status": status,
                    "met_on": met_on.isoformat() if met_on else None,
                }
            )
    response.headers["ETag"] = etag_for(tasks.version)
    return {"year": year, "tasks": out}
