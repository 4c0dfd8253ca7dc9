"""The care register's read models (VER-10): the children list and the screenings list."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.privacy import mask_resident_id
from shared.projections.runner import Projection

_CHILD = text(
    "INSERT INTO children_view (child_id, version, name, resident_id_masked, division_code,"
    " category, guardianship_status, registered_on)"
    " VALUES (:id, :v, :name, :rid, :division, :category, :status, :on)"
    " ON CONFLICT (child_id) DO NOTHING"
)
_VISIT = text(
    "UPDATE children_view SET version = :v, visits = visits + 1,"
    " last_visit_on = greatest(last_visit_on, :on), guardianship_status = :status,"
    " follow_up_needed = :follow_up WHERE child_id = :id AND version < :v"
)
_ASSESSED = text(
    "UPDATE children_view SET version = :v,"
    " allowance = CASE WHEN :granted THEN :allowance ELSE allowance END"
    " WHERE child_id = :id AND version < :v"
)
_ENDED = text(
    "UPDATE children_view SET version = :v, allowance = NULL WHERE child_id = :id AND version < :v"
)
_SCREENED = text(
    "INSERT INTO inclusion_view (screening_id, version, name, resident_id_masked, division_code,"
    " status, unmet, screened_on)"
    " VALUES (:id, :v, :name, :rid, :division, :status, :unmet, :on)"
    " ON CONFLICT (screening_id) DO NOTHING"
)
_DECIDED = text(
    "UPDATE inclusion_view SET version = :v, status = :status, decided_on = :on"
    " WHERE screening_id = :id AND version < :v"
)


class ChildrenView(Projection):
    """children_view ← ChildRegistered, CareVisitRecorded, ChildAllowanceAssessed,
    ChildAllowanceEnded."""

    name = "verification.children_view"
    tables = ("children_view",)
    handles = frozenset({
        "verification.ChildRegistered", "verification.CareVisitRecorded",
        "verification.ChildAllowanceAssessed", "verification.ChildAllowanceEnded",
    })  # fmt: skip

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """One row per child: guardianship, visits and the allowance granted."""
        data, version = event.data, event.stream_version
        if event.type == "verification.ChildRegistered":
            await conn.execute(_CHILD, {
                "id": data["child_id"], "v": version, "name": data["name"],
                "rid": mask_resident_id(data["resident_id"]), "division": data["division_code"],
                "category": data["category"], "status": data["guardianship_status"],
                "on": _day(data["registered_on"]),
            })  # fmt: skip
        elif event.type == "verification.CareVisitRecorded":
            await conn.execute(_VISIT, {
                "id": data["child_id"], "v": version, "on": _day(data["visited_on"]),
                "status": data["guardianship_status"], "follow_up": data["follow_up_needed"],
            })  # fmt: skip
        elif event.type == "verification.ChildAllowanceAssessed":
            await conn.execute(_ASSESSED, {
                "id": data["child_id"], "v": version, "allowance": data["allowance"],
                "granted": data["decision"] == "granted",
            })  # fmt: skip
        elif event.type == "verification.ChildAllowanceEnded":
            await conn.execute(_ENDED, {"id": data["child_id"], "v": version})


class InclusionView(Projection):
    """inclusion_view ← DisabledPersonScreened, ExtremePovertyInclusionDecided."""

    name = "verification.inclusion_view"
    tables = ("inclusion_view",)
    handles = frozenset(
        {"verification.DisabledPersonScreened", "verification.ExtremePovertyInclusionDecided"}
    )

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """One row per screening: flagged or not, then the county's decision."""
        data, version = event.data, event.stream_version
        if event.type == "verification.DisabledPersonScreened":
            params: dict[str, Any] = {
                "id": data["screening_id"], "v": version, "name": data["name"],
                "rid": mask_resident_id(data["resident_id"]), "division": data["division_code"],
                "status": "flagged" if data["flagged"] else "not_met",
                "unmet": list(data["unmet"]), "on": _day(data["screened_on"]),
            }  # fmt: skip
            await conn.execute(_SCREENED, params)
        elif event.type == "verification.ExtremePovertyInclusionDecided":
            await conn.execute(_DECIDED, {
                "id": data["screening_id"], "v": version, "status": data["decision"],
                "on": _day(data["decided_on"]),
            })  # fmt: skip


def _day(value: str) -> date:
    return date.fromisoformat(value)
