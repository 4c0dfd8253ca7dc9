"""Reading urgent cases: one case, and the overdue ones within the caller's division (INT-6)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Response
from sqlalchemy import text

from intake.entrypoints.common import READING_ROLES, ensure_role
from intake.entrypoints.reads import cursor_position, keyset_cursor, page_of
from intake.schemas_cases import UrgentCaseRead
from shared.domain.errors import NotFound
from shared.http.auth import current_principal
from shared.http.etag import etag_for
from shared.http.pagination import Page, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, ServiceClock
from shared.identity import jurisdiction_prefix

router = APIRouter(prefix="/v1", tags=["urgent cases 急难救助"])


@router.get(
    "/urgent-cases/overdue",
    response_model=Page[UrgentCaseRead],
    summary="逾期未响应急难个案 Overdue urgent cases",
    responses=problem_responses(401, 403),
)
async def list_overdue_urgent_cases(
    engine: Engine,
    clock: ServiceClock,
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(current_principal),
) -> Page[UrgentCaseRead]:
    """Urgent cases with no response past their deadline, within the caller's division."""
    ensure_role(principal, READING_ROLES, "查阅急难个案")
    where = "status = 'open' AND (overdue OR respond_by < :now) AND division_code LIKE :prefix"
    params: dict[str, Any] = {
        "now": clock.now(),
        "prefix": jurisdiction_prefix(principal.division) + "%",
        "limit": limit + 1,
    }
    if cursor is not None:
        where += " AND (respond_by, urgent_case_id) > (:at, :after)"
        params.update(cursor_position(cursor))
    query = f"SELECT * FROM urgent_cases_view WHERE {where} ORDER BY respond_by, urgent_case_id"
    async with engine.connect() as conn:
        rows = [dict(r._mapping) for r in await conn.execute(text(query + " LIMIT :limit"), params)]
    return page_of(rows, limit, _row_read, _cursor_of)


@router.get(
    "/urgent-cases/{case_id}",
    response_model=UrgentCaseRead,
    summary="查询急难个案 Get an urgent case",
    responses=problem_responses(401, 403, 404),
)
async def get_urgent_case(
    case_id: str,
    response: Response,
    engine: Engine,
    principal: Principal = Depends(current_principal),
) -> UrgentCaseRead:
    """The urgent case as the read model holds it, with its version as ETag."""
    ensure_role(principal, (*READING_ROLES, "village_committee"), "查阅急难个案")
    async with engine.connect() as conn:
        found = await conn.execute(
            text("SELECT * FROM urgent_cases_view WHERE urgent_case_id = :id"), {"id": case_id}
        )
        row = found.first()
    if row is None or not principal.covers(row.division_code):
        raise NotFound(f"urgent case {case_id} not found", "未找到该急难个案")
    response.headers["ETag"] = etag_for(row.version)
    return _row_read(dict(row._mapping))


def _cursor_of(row: dict[str, Any]) -> str:
    return keyset_cursor(row["respond_by"], row["urgent_case_id"])


def _row_read(row: dict[str, Any]) -> UrgentCaseRead:
    return UrgentCaseRead(**{k: row[k] for k in UrgentCaseRead.model_fields})
