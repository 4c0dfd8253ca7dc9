"""Keyset pages over deadline lists (rectifications, hazards): oldest deadline first."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.http.pagination import Page, encode_cursor
from shared.identity import jurisdiction_prefix


async def deadline_page(
    engine: AsyncEngine,
    today: date,
    *,
    table: str,
    id_column: str,
    open_condition: str,
    division: str,
    overdue: bool,
    limit: int,
    cursor: dict[str, Any] | None,
) -> Page[dict[str, Any]]:
    """Open items of `table` in the division, by (due_on, id), each flagged `overdue` at `today`."""
    where = [
        "division_code LIKE :prefix",
        open_condition,
        f"(due_on, {id_column}) > (:after_due, :after_id)",
    ]
    if overdue:
        where.append("due_on < :today")
    query = text(
        f"SELECT * FROM {table} WHERE {' AND '.join(where)}"
        f" ORDER BY due_on, {id_column} LIMIT :limit"
    )
    params = {
        "prefix": jurisdiction_prefix(division) + "%",
        "today": today,
        "after_due": date.fromisoformat(cursor["due_on"]) if cursor else date.min,
        "after_id": str(cursor["id"]) if cursor else "",
        "limit": limit + 1,
    }
    async with engine.connect() as conn:
        rows = [dict(r._mapping) for r in await conn.execute(query, params)]
    items = [{**row, "overdue": row["due_on"] < today} for row in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = (
        encode_cursor({"due_on": last["due_on"].isoformat(), "id": last[id_column]})
        if last
        else None
    )
    return Page(items=items, next_cursor=next_cursor)
