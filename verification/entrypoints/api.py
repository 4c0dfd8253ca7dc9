"""Verification's HTTP routes (read side of the walking skeleton)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel
from sqlalchemy import text

from shared.domain.errors import NotFound
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.problems import problem_responses
from shared.http.tokens import Principal

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


@router.get(
    "/cases/{case_id}",
    response_model=CaseRead,
    summary="查询核查案件 Get a verification case",
    responses=problem_responses(401, 403, 404),
)
async def get_case(
    case_id: str, request: Request, principal: Principal = Depends(READERS)
) -> CaseRead:
    """The case's verification files, one per programme decided by county civil affairs."""
    rows = await _rows(request, case_id)
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


async def _rows(request: Request, case_id: str) -> list[dict[str, Any]]:
    async with request.app.state.engine.connect() as conn:
        result = await conn.execute(
            text("SELECT * FROM cases_view WHERE case_id = :c ORDER BY programme"), {"c": case_id}
        )
        return [dict(r._mapping) for r in result]
