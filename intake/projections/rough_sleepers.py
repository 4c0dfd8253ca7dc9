"""Aid points, rough sleepers' records and every act of help, joined by person (INT-11).

A record's `person_id` is the keyed pseudonym of its resident ID (shared.privacy.pseudonym, the
one the public topics carry): set when the record is registered with an ID or identified later,
so a person's history is every help on every record with their `person_id`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.eventstore.envelope import RecordedEvent
from shared.privacy import pseudonym
from shared.projections.runner import Projection

_POINT = "UPDATE aid_points_view SET version = :version, {} WHERE aid_point_id = :aid_point_id"
_RECORD = "UPDATE rough_sleepers_view SET version = :version, {} WHERE record_id = :record_id"
_STATEMENTS = {
    "intake.AidPointOpened": text(
        """
        INSERT INTO aid_points_view (aid_point_id, version, division_code, kind, label, location,
            seasons)
        VALUES (:aid_point_id, :version, :division_code, :kind, :label, :location,
            CAST(:seasons AS jsonb))
        ON CONFLICT (aid_point_id) DO NOTHING
        """
    ),
    "intake.AidPointSeasonAdded": text(
        _POINT.format("seasons = seasons || CAST(:season AS jsonb)")
    ),
    "intake.AidPointClosed": text(_POINT.format("closed_on = :closed_on")),
    "intake.RoughSleeperRegistered": text(
        """
        INSERT INTO rough_sleepers_view (record_id, version, division_code, resident_id,
            person_id, appearance, found_address, stated_name, registered_at)
        VALUES (:record_id, :version, :division_code, :resident_id, :person_id, :appearance,
            :found_address, :stated_name, :registered_at)
        ON CONFLICT (record_id) DO NOTHING
        """
    ),
    "intake.RoughSleeperHelped": text(
        """
        WITH help AS (
            INSERT INTO rough_sleeper_help_view (help_id, record_id, aid_point_id,
                aid_point_division, given_on, kinds)
            VALUES (:help_id, :record_id, :aid_point_id, :aid_point_division, :given_on,
                CAST(:kinds AS jsonb))
            ON CONFLICT (help_id) DO NOTHING
        )
        UPDATE rough_sleepers_view SET version = :version WHERE record_id = :record_id
        """
    ),
    "intake.RoughSleeperIdentified": text(
        _RECORD.format(
            "resident_id = :resident_id, person_id = :person_id, identified_on = :identified_on"
        )
    ),
}


class RoughSleepersView(Projection):
    """aid_points_view + rough_sleepers_view + rough_sleeper_help_view ← their events."""

    name = "intake.rough_sleepers_view"
    tables = ("aid_points_view", "rough_sleepers_view", "rough_sleeper_help_view")
    handles = frozenset(_STATEMENTS)

    def __init__(self, pseudonym_key: bytes) -> None:
        self.pseudonym_key = pseudonym_key

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Run the event's statement."""
        await conn.execute(_STATEMENTS[event.type], self._params(event))

    def _params(self, event: RecordedEvent) -> dict[str, Any]:
        data: dict[str, Any] = {**event.data, "version": event.stream_version}
        for key in ("given_on", "closed_on", "identified_on"):
            if key in data:
                data[key] = date.fromisoformat(data[key])
        for key in ("seasons", "kinds"):
            if key in data:
                data[key] = canonical_json(data[key])
        if "season" in data:
            data["season"] = canonical_json([data["season"]])
        if "record_id" in data:
            resident_id = data.get("resident_id")
            data["person_id"] = pseudonym(resident_id, self.pseudonym_key) if resident_id else None
            data["registered_at"] = event.recorded_at
        return data
