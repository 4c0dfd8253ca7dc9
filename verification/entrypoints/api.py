"""Verification's read routes: case files, case detail, batches and work queues."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.domain.errors import NotFound
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.etag import etag_for
from shared.http.pagination import Page, encode_cursor, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine
from shared.identity import jurisdiction_prefix
from verification.domain.case import Stage
from verification.entrypoints.views import BatchView, CaseDetail, batch_view, case_detail
from verification.entrypoints.wiring import VerificationService

router = APIRouter(prefix="/v1", tags=["cases 核查案件"])

READERS = require_roles(
    "township_officer", "county_officer", "city_officer", "province_officer", "inspector", "auditor"
)


class ProgrammeCase(BaseModel):
    """Verification's file on one programme of the case."""

    programme: str
    stage: str
    version: int
    household_size: int
    opened_at: str


class CaseRead(BaseModel):
    """A case as verification sees it: one file per programme it decides."""

    case_id: str
    division_code: str
    programmes: list[ProgrammeCase]


class QueueItem(BaseModel):
    """A case in a work queue, with its clock."""

    case_id: str
    programme: str
    division_code: str
    stage: str
    version: int
    opened_on: date | None
    follow_up: bool
    batch_id: str | None
    overdue: list[str]


@router.get(
    "/cases/{case_id}",
    response_model=CaseRead,
    summary="查询核查案件 Get a verification case",
    responses=problem_responses(401, 403, 404),
)
async def get_case(
    case_id: str, engine: Engine, principal: Principal = Depends(READERS)
) -> CaseRead:
    """The case's verification files, one per programme decided by county civil affairs."""
    rows = await _rows(
        engine, "SELECT * FROM cases_view WHERE case_id = :c ORDER BY programme", {"c": case_id}
    )
    if not rows:
        raise NotFound(f"case {case_id} not found in verification", "核查系统中未找到该案件")
    ensure_jurisdiction(principal, rows[0]["division_code"])
    return CaseRead(
        case_id=case_id,
        division_code=rows[0]["division_code"],
        programmes=[
            ProgrammeCase(
                programme=r["programme"],
                stage=r["stage"],
                version=r["version"],
                household_size=r["household_size"],
                opened_at=r["opened_at"].isoformat(),
            )
            for r in rows
        ],
    )


@router.get(
    "/cases/{case_id}/programmes/{programme}",
    response_model=CaseDetail,
    summary="案件详情 One programme's file, current to the last event (ETag = version)",
    responses=problem_responses(401, 403, 404),
)
async def get_case_programme(
    case_id: str,
    programme: str,
    verification: VerificationService,
    response: Response,
    principal: Principal = Depends(READERS),
) -> CaseDetail:
    """Read from the event stream itself, so a command can follow at once with If-Match."""
    case = await verification.case(case_id, programme)
    assert case.opened is not None
    ensure_jurisdiction(principal, case.opened.division_code)
    response.headers["ETag"] = etag_for(case.version)
    return case_detail(case, verification.policy)


@router.get(
    "/batches/{batch_id}",
    response_model=BatchView,
    summary="审批批次 A county batch with its seed, sample and visits (re-derived for auditors)",
    responses=problem_responses(401, 403, 404),
)
async def get_batch(
    batch_id: str,
    verification: VerificationService,
    response: Response,
    principal: Principal = Depends(READERS),
) -> BatchView:
    """The batch; `rederived_sample_matches` checks the recorded sample against the seed."""
    batch = await verification.batch(batch_id)
    assert batch.drawn is not None
    ensure_jurisdiction(principal, batch.drawn.township_code)
    response.headers["ETag"] = etag_for(batch.version)
    return batch_view(batch)


@router.get(
    "/work-queue",
    response_model=Page[QueueItem],
    summary="工作队列 Cases within your division, by stage (cursor-paginated)",
    responses=problem_responses(400, 401, 403),
)
async def list_work_queue(
    engine: Engine,
    stage: Stage | None = Query(None, description="Only cases at this stage"),
    principal: Principal = Depends(READERS),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
) -> Page[QueueItem]:
    """Oldest first; the caller sees only the cases of their own division."""
    after = cursor or {"c": "", "p": ""}
    rows = await _rows(
        engine,
        "SELECT * FROM cases_view WHERE division_code LIKE :prefix"
        " AND (CAST(:stage AS text) IS NULL OR stage = :stage)"
        " AND (case_id, programme) > (:c, :p) ORDER BY case_id, programme LIMIT :limit",
        {
            "prefix": jurisdiction_prefix(principal.division) + "%",
            "stage": str(stage) if stage else None,
            "c": str(after.get("c", "")),
            "p": str(after.get("p", "")),
            "limit": limit + 1,
        },
    )
    items = [QueueItem(**{k: r[k] for k in QueueItem.model_fields}) for r in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = encode_cursor({"c": last["case_id"], "p": last["programme"]}) if last else None
    return Page[QueueItem](items=items, next_cursor=next_cursor)


async def _rows(engine: AsyncEngine, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    async with engine.connect() as conn:
        result = await conn.execute(text(sql), params)
        return [dict(r._mapping) for r in result]
