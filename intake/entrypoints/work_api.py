"""Open work per township: every unacknowledged referral and unanswered urgent case, by due time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy import text

from intake.entrypoints.common import READING_ROLES, ensure_role
from intake.entrypoints.reads import cursor_position, keyset_cursor, page_of
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.pagination import Page, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine
from shared.identity import division_code_or_empty, jurisdiction_prefix

router = APIRouter(prefix="/v1", tags=["open work 待办"])

# A referral is due at the end of its last working day, China time.
_WORK = """
SELECT * FROM (
    SELECT 'referral' AS kind, referral_id AS id, to_division AS division_code,
        (acknowledge_by + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS due_at, overdue
    FROM referrals_view WHERE status = 'open'
    UNION ALL
    SELECT 'urgent_case', urgent_case_id, division_code, respond_by, overdue
    FROM urgent_cases_view WHERE status = 'open'
) AS work
WHERE division_code LIKE :prefix {after}
ORDER BY due_at, id LIMIT :limit
"""


class WorkItem(BaseModel):
    """One piece of open work and when it is due."""

    kind: str = Field(description="referral | urgent_case")
    id: str
    division_code: str
    due_at: datetime
    overdue: bool = Field(description="escalated already")


@router.get(
    "/open-work",
    response_model=Page[WorkItem],
    summary="待办事项 Open referrals and urgent cases by due time",
    responses=problem_responses(400, 401, 403),
)
async def list_open_work(
    engine: Engine,
    division: str | None = Query(
        None,
        description="a division inside your jurisdiction",
        json_schema_extra=division_code_or_empty(),
    ),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(current_principal),
) -> Page[WorkItem]:
    """What a township (or county …) has to do, soonest first."""
    ensure_role(principal, READING_ROLES, "查阅待办")
    scope = division or principal.division
    ensure_jurisdiction(principal, scope)
    params: dict[str, Any] = {"prefix": jurisdiction_prefix(scope) + "%", "limit": limit + 1}
    after = ""
    if cursor is not None:
        after = "AND (due_at, id) > (:at, :after)"
        params.update(cursor_position(cursor))
    async with engine.connect() as conn:
        result = await conn.execute(text(_WORK.format(after=after)), params)
        rows = [dict(r._mapping) for r in result]
    return page_of(rows, limit, lambda r: WorkItem(**r), _cursor_of)


def _cursor_of(row: dict[str, Any]) -> str:
    return keyset_cursor(row["due_at"], row["id"])
