"""Payments' HTTP routes (read side of the walking skeleton)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from sqlalchemy import text

from shared.domain.errors import NotFound
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine

router = APIRouter(prefix="/v1", tags=["pipeline 资金预测"])

READERS = require_roles(
    "county_officer", "city_officer", "province_officer", "inspector", "auditor"
)


class PipelineCase(BaseModel):
    """A case on its way to a decision, as payments tracks it for funds planning."""

    case_id: str
    division_code: str
    programmes: list[str]
    household_size: int
    stage: Literal["submitted", "in_verification", "approved", "rejected", "withdrawn"] = Field(
        description="submitted, in_verification, then the latest decision on a programme of the"
        " case: approved (enrolled for payment), rejected or withdrawn"
    )
    updated_at: datetime


@router.get(
    "/pipeline/{case_id}",
    response_model=PipelineCase,
    summary="查询待审批案件 Get a case in the funding pipeline",
    responses=problem_responses(401, 403, 404),
)
async def get_pipeline_case(
    case_id: str, engine: Engine, principal: Principal = Depends(READERS)
) -> PipelineCase:
    """Where the case stands before enrolment, for planning funds."""
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                text("SELECT * FROM case_pipeline WHERE case_id = :c"), {"c": case_id}
            )
        ).first()
    if row is None:
        raise NotFound(f"case {case_id} is not in the payments pipeline", "资金系统中未找到该案件")
    ensure_jurisdiction(principal, row.division_code)
    return PipelineCase(**row._mapping)
