"""The members lookup: which verification cases a resident belongs to (for partner life events)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler

_INSERT = text(
    "INSERT INTO case_members (resident_id, case_id, programme, relation, division_code)"
    " VALUES (:resident_id, :case_id, :programme, :relation, :division)"
    " ON CONFLICT DO NOTHING"
)


async def _case_opened(event: RecordedEvent, conn: AsyncConnection) -> None:
    """One row per (member, case, programme)."""
    data = event.data
    rows = [
        {
            "resident_id": m["resident_id"],
            "case_id": data["case_id"],
            "programme": data["programme"],
            "relation": m["relation"],
            "division": data["division_code"],
        }
        for m in data.get("members", [])
    ]
    if rows:
        await conn.execute(_INSERT, rows)


class MembersView(Projection):
    """case_members ← the members each verification.CaseOpened names."""

    name = "verification.case_members"
    tables = ("case_members",)
    handlers: Mapping[str, ProjectionHandler] = {
        "verification.CaseOpened": _case_opened,
    }


async def cases_of_member(
    conn: AsyncConnection, resident_id: str, division_prefix: str
) -> list[tuple[str, str]]:
    """(case, programme) of every case naming the resident within a jurisdiction."""
    rows = await conn.execute(
        text(
            "SELECT case_id, programme FROM case_members WHERE resident_id = :r"
            " AND division_code LIKE :prefix ORDER BY case_id, programme"
        ),
        {"r": resident_id, "prefix": division_prefix + "%"},
    )
    return [(r.case_id, r.programme) for r in rows]
