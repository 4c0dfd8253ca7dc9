"""Aid points, rough sleepers' records and every act of help, joined by person (INT-11).

A record's `person_id` is the keyed pseudonym of its resident ID (shared.privacy.pseudonym, the
one the public topics carry): set when the record is registered with an ID or identified later,
so a person's history is every help on every record with their `person_id`. The key is a wired
part: the view is built with it, and so are the two handlers that name a person.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.eventstore.envelope import RecordedEvent
from shared.privacy import pseudonym
from shared.projections.runner import Projection, ProjectionHandler


async def _aid_point_opened(event: RecordedEvent, conn: AsyncConnection) -> None:
    data = event.data
    await conn.execute(
        text(
            """
            INSERT INTO aid_points_view (aid_point_id, version, division_code, kind, label,
                location, seasons)
            VALUES (:aid_point_id, :version, :division_code, :kind, :label, :location,
                CAST(:seasons AS jsonb))
            ON CONFLICT (aid_point_id) DO NOTHING
            """
        ),
        {
            **_aid_point(event),
            "division_code": data["division_code"],
            "kind": data["kind"],
            "label": data["label"],
            "location": data["location"],
            "seasons": canonical_json(data["seasons"]),
        },
    )


async def _aid_point_season_added(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text(
            "UPDATE aid_points_view SET version = :version,"
            " seasons = seasons || CAST(:season AS jsonb) WHERE aid_point_id = :aid_point_id"
        ),
        {**_aid_point(event), "season": canonical_json([event.data["season"]])},
    )


async def _aid_point_closed(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text(
            "UPDATE aid_points_view SET version = :version, closed_on = :closed_on"
            " WHERE aid_point_id = :aid_point_id"
        ),
        {**_aid_point(event), "closed_on": date.fromisoformat(event.data["closed_on"])},
    )


async def _rough_sleeper_registered(
    event: RecordedEvent, conn: AsyncConnection, *, key: bytes
) -> None:
    data = event.data
    await conn.execute(
        text(
            """
            INSERT INTO rough_sleepers_view (record_id, version, division_code, resident_id,
                person_id, appearance, found_address, stated_name, registered_at)
            VALUES (:record_id, :version, :division_code, :resident_id, :person_id, :appearance,
                :found_address, :stated_name, :registered_at)
            ON CONFLICT (record_id) DO NOTHING
            """
        ),
        {
            **_record(event),
            "division_code": data["division_code"],
            "resident_id": data["resident_id"],
            "person_id": _person(data["resident_id"], key),
            "appearance": data["appearance"],
            "found_address": data["found_address"],
            "stated_name": data["stated_name"],
            "registered_at": event.recorded_at,
        },
    )


async def _rough_sleeper_helped(event: RecordedEvent, conn: AsyncConnection) -> None:
    data = event.data
    await conn.execute(
        text(
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
        {
            **_record(event),
            "help_id": data["help_id"],
            "aid_point_id": data["aid_point_id"],
            "aid_point_division": data["aid_point_division"],
            "given_on": date.fromisoformat(data["given_on"]),
            "kinds": canonical_json(data["kinds"]),
        },
    )


async def _rough_sleeper_identified(
    event: RecordedEvent, conn: AsyncConnection, *, key: bytes
) -> None:
    await conn.execute(
        text(
            "UPDATE rough_sleepers_view SET version = :version, resident_id = :resident_id,"
            " person_id = :person_id, identified_on = :identified_on WHERE record_id = :record_id"
        ),
        {
            **_record(event),
            "resident_id": event.data["resident_id"],
            "person_id": _person(event.data["resident_id"], key),
            "identified_on": date.fromisoformat(event.data["identified_on"]),
        },
    )


def _person(resident_id: str | None, key: bytes) -> str | None:
    """The keyed pseudonym that joins a person's records; none for a record without an ID."""
    return pseudonym(resident_id, key) if resident_id else None


def _aid_point(event: RecordedEvent) -> dict[str, Any]:
    """The aid point's row key and the version the event brings it to."""
    return {"aid_point_id": event.data["aid_point_id"], "version": event.stream_version}


def _record(event: RecordedEvent) -> dict[str, Any]:
    """The rough sleeper's record key and the version the event brings it to."""
    return {"record_id": event.data["record_id"], "version": event.stream_version}


class RoughSleepersView(Projection):
    """aid_points_view + rough_sleepers_view + rough_sleeper_help_view ← their events, the
    records named by the pseudonym of their resident ID under the deployment's key."""

    name = "intake.rough_sleepers_view"
    tables = ("aid_points_view", "rough_sleepers_view", "rough_sleeper_help_view")

    def __init__(self, pseudonym_key: bytes) -> None:
        self.handlers: Mapping[str, ProjectionHandler] = {
            "intake.AidPointOpened": _aid_point_opened,
            "intake.AidPointSeasonAdded": _aid_point_season_added,
            "intake.AidPointClosed": _aid_point_closed,
            "intake.RoughSleeperRegistered": partial(_rough_sleeper_registered, key=pseudonym_key),
            "intake.RoughSleeperHelped": _rough_sleeper_helped,
            "intake.RoughSleeperIdentified": partial(_rough_sleeper_identified, key=pseudonym_key),
        }
