"""The county's batch queue (VER-5): its batches and whether their spot check is complete."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from sqlalchemy import text

from shared.http.pagination import Page, encode_cursor, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine
from shared.identity import jurisdiction_prefix
from verification.entrypoints.api import READERS

router = APIRouter(prefix="/v1", tags=["county 县级审批"])


class BatchSummary(BaseModel):
    """One batch in the queue."""

    batch_id: str
    township_code: str
    households: int
    sample_size: int
    visited: int
    complete: bool
    formed_at: datetime


@router.get(
    "/batches",
    response_model=Page[BatchSummary],
    summary="审批批次列表 The batches within your division (cursor-paginated)",
    responses=problem_responses(400, 401, 403),
)
async def list_batches(
    engine: Engine,
    complete: bool | None = Query(None, description="Only complete (or incomplete) spot checks"),
    principal: Principal = Depends(READERS),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
) -> Page[BatchSummary]:
    """Batches of the townships within the caller's division, by id."""
    after = str((cursor or {}).get("b", ""))
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                text(
                    "SELECT *, sample <@ visited AS complete FROM batches_view"
                    " WHERE township_code LIKE :prefix AND batch_id > :after"
                    " AND (CAST(:complete AS boolean) IS NULL"
                    "      OR (sample <@ visited) = CAST(:complete AS boolean))"
                    " ORDER BY batch_id LIMIT :limit"
                ),
                {
                    "prefix": jurisdiction_prefix(principal.division) + "%",
                    "after": after,
                    "complete": complete,
                    "limit": limit + 1,
                },
            )
        ).all()
    items = [_summary(dict(r._mapping)) for r in rows[:limit]]
    more = len(rows) > limit
    return Page[BatchSummary](
        items=items, next_cursor=encode_cursor({"b": items[-1].batch_id}) if more else None
    )


def _summary(row: dict[str, Any]) -> BatchSummary:
    return BatchSummary(
        batch_id=row["batch_id"],
        township_code=row["township_code"],
        households=row["households"],
        sample_size=len(row["sample"]),
        visited=len(set(row["visited"]) & set(row["sample"])),
        complete=row["complete"],
        formed_at=row["formed_at"],
    )
