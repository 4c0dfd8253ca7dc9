"""The care register's read models (VER-10): the children list and the screenings list."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.privacy import mask_resident_id
from shared.projections.runner import Projection, ProjectionHandler

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


async def _child_registered(event: RecordedEvent, conn: AsyncConnection) -> None:
    """A child's row, its resident ID masked."""
    data = event.data
    await conn.execute(
        _CHILD,
        {
            "id": data["child_id"],
            "v": event.stream_version,
            "name": data["name"],
            "rid": mask_resident_id(data["resident_id"]),
            "division": data["division_code"],
            "category": data["category"],
            "status": data["guardianship_status"],
            "on": _day(data["registered_on"]),
        },
    )


async def _care_visit_recorded(event: RecordedEvent, conn: AsyncConnection) -> None:
    """One more visit: the latest day, guardianship as found, whether to follow up."""
    data = event.data
    await conn.execute(
        _VISIT,
        {
            "id": data["child_id"],
            "v": event.stream_version,
            "on": _day(data["visited_on"]),
            "status": data["guardianship_status"],
            "follow_up": data["follow_up_needed"],
        },
    )


async def _child_allowance_assessed(event: RecordedEvent, conn: AsyncConnection) -> None:
    """The allowance granted (a refusal leaves the row's allowance as it was)."""
    data = event.data
    await conn.execute(
        _ASSESSED,
        {
            "id": data["child_id"],
            "v": event.stream_version,
            "allowance": data["allowance"],
            "granted": data["decision"] == "granted",
        },
    )


async def _child_allowance_ended(event: RecordedEvent, conn: AsyncConnection) -> None:
    """No allowance any more."""
    await conn.execute(_ENDED, {"id": event.data["child_id"], "v": event.stream_version})


async def _disabled_person_screened(event: RecordedEvent, conn: AsyncConnection) -> None:
    """A screening's row: flagged, or the criteria it did not meet."""
    data = event.data
    await conn.execute(
        _SCREENED,
        {
            "id": data["screening_id"],
            "v": event.stream_version,
            "name": data["name"],
            "rid": mask_resident_id(data["resident_id"]),
            "division": data["division_code"],
            "status": "flagged" if data["flagged"] else "not_met",
            "unmet": list(data["unmet"]),
            "on": _day(data["screened_on"]),
        },
    )


async def _inclusion_decided(event: RecordedEvent, conn: AsyncConnection) -> None:
    """The county's decision on a screening."""
    data = event.data
    await conn.execute(
        _DECIDED,
        {
            "id": data["screening_id"],
            "v": event.stream_version,
            "status": data["decision"],
            "on": _day(data["decided_on"]),
        },
    )


class ChildrenView(Projection):
    """children_view: one row per child (guardianship, visits and the allowance granted)."""

    name = "verification.children_view"
    tables = ("children_view",)
    handlers: Mapping[str, ProjectionHandler] = {
        "verification.ChildRegistered": _child_registered,
        "verification.CareVisitRecorded": _care_visit_recorded,
        "verification.ChildAllowanceAssessed": _child_allowance_assessed,
        "verification.ChildAllowanceEnded": _child_allowance_ended,
    }


class InclusionView(Projection):
    """inclusion_view: one row per screening (flagged or not, then the county's decision)."""

    name = "verification.inclusion_view"
    tables = ("inclusion_view",)
    handlers: Mapping[str, ProjectionHandler] = {
        "verification.DisabledPersonScreened": _disabled_person_screened,
        "verification.ExtremePovertyInclusionDecided": _inclusion_decided,
    }


def _day(value: str) -> date:
    return date.fromisoformat(value)
