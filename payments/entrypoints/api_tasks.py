"""Practical task routes (PAY-4): enter the year's dated targets, see which are met."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.domain.standards import STANDARD_PROGRAMMES
from payments.domain.tasks import PracticalTaskEntered, PracticalTasks
from payments.entrypoints.common import READERS, expected_version
from payments.entrypoints.wiring import Projections, Repos
from shared.domain.errors import ConcurrencyConflict
from shared.fields import Fen, Int64
from shared.http.auth import require_roles
from shared.http.commands import request_metadata
from shared.http.etag import etag_for, precondition_failed_from
from shared.http.idempotency import StoredResponse, idempotency_key, respond_idempotently
from shared.http.openapi import IF_MATCH_WHEN_EXISTS
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today

router = APIRouter(prefix="/v1", tags=["practical tasks 为民办实事"])
PROVINCE_ONLY = require_roles("province_officer")
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
        json_schema_extra={"examples": [{
            "year": 2027, "task_id": "urban-dibao-825",
            "title": "城市低保指导标准提高到每人每月825元", "programme": "urban_dibao",
            "target_fen": 82500, "due": "2027-06-30", "reason": "2027年省政府为民办实事项目",
        }]},
    )  # fmt: skip

    year: Int64 = Field(ge=2000, le=2100)
    task_id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,50}$")
    title: str = Field(min_length=1, max_length=200)
    programme: str = Field(json_schema_extra={"enum": list(STANDARD_PROGRAMMES)})
    target_fen: Fen = Field(gt=0, lt=10**9, description="分/人/月 to reach")
    rural_class: Int64 | None = Field(default=None, ge=1, le=4)
    due: date | None = Field(default=None, description="default: 30 June of the year")
    reason: str = Field(min_length=1, max_length=500)


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


@router.post("/practical-tasks", status_code=201, response_model=TaskEnteredRead,
             summary="录入为民办实事 Enter a practical task",
             responses=problem_responses(400, 401, 403, 409, 412, 422, 428),
             openapi_extra=IF_MATCH_WHEN_EXISTS)  # fmt: skip
async def enter_practical_task(
    body: TaskIn,
    request: Request,
    repos: Repos,
    principal: Principal = Depends(PROVINCE_ONLY),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """A dated target for the year (by default due at the end of June)."""
    task = PracticalTaskEntered(
        body.year, body.task_id, body.title, body.programme, body.target_fen, body.rural_class,
        body.due or date(body.year, 6, 30),
    )  # fmt: skip

    async def operation(conn: AsyncConnection) -> StoredResponse:
        tasks = await repos.tasks.find(str(body.year), conn) or PracticalTasks(str(body.year))
        expected = expected_version(request, tasks.version)
        tasks.enter(task)
        try:
            recorded = await repos.tasks.save(
                tasks, request_metadata(principal, body.reason), conn, expected
            )
        except ConcurrencyConflict as conflict:
            raise precondition_failed_from(conflict) from None
        version = recorded[-1].stream_version
        return StoredResponse(201, {"year": body.year, "task_id": body.task_id},
                              {"ETag": etag_for(version)})  # fmt: skip

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
    )


@router.get("/practical-tasks/{year}", response_model=PracticalTasksRead,
            summary="实事进展 The year's tasks: met, open, overdue",
            responses=problem_responses(401, 403))  # fmt: skip
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
            out.append({**task.__dict__, "due": task.due.isoformat(), "status": status,
                        "met_on": met_on.isoformat() if met_on else None})  # fmt: skip
    response.headers["ETag"] = etag_for(tasks.version)
    return {"year": year, "tasks": out}


def task_status(met_on: date | None, due: date, today: date) -> str:
    """met by the due date, met late, overdue, or still open."""
    if met_on is not None:
        return "met" if met_on <= due else "met_late"
    return "overdue" if today > due else "open"
