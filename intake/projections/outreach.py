"""Visit campaigns with their counts, and the visits of each (INT-11)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler


async def _campaign_planned(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(_PLANNED, _planned(event))


async def _household_visited(event: RecordedEvent, conn: AsyncConnection) -> None:
    inserted = await conn.execute(_VISITED, _visited(event))
    if inserted.first() is not None:  # a visit counts once, even applied twice
        await conn.execute(_COUNTED, _counts(event))


class OutreachView(Projection):
    """visit_campaigns_view + visits_view ← campaign and visit events."""

    name = "intake.outreach_view"
    tables = ("visit_campaigns_view", "visits_view")
    handlers: Mapping[str, ProjectionHandler] = {
        "intake.VisitCampaignPlanned": _campaign_planned,
        "intake.HouseholdVisited": _household_visited,
    }


def _planned(event: RecordedEvent) -> dict[str, Any]:
    data = event.data
    return {
        "id": data["campaign_id"],
        "version": event.stream_version,
        "division_code": data["division_code"],
        "title": data["title"],
        "groups": canonical_json(data["groups"]),
        "starts_on": date.fromisoformat(data["starts_on"]),
        "ends_on": date.fromisoformat(data["ends_on"]),
        "planned_by": event.metadata.actor.id,
    }


def _visited(event: RecordedEvent) -> dict[str, Any]:
    data = event.data
    return {
        "id": data["visit_id"],
        "campaign_id": data["campaign_id"],
        "division_code": data["division_code"],
        "visited_group": data["group"],
        "resident_id": data["resident_id"],
        "visited_on": date.fromisoformat(data["visited_on"]),
        "needs": canonical_json(data["needs"]),
        "help_given": data.get("help_given"),
        "recorded_by": event.metadata.actor.id,
    }


def _counts(event: RecordedEvent) -> dict[str, Any]:
    needs = event.data["needs"]
    return {
        "campaign_id": event.data["campaign_id"],
        "needs": len(needs),
        "referrals": sum(1 for n in needs if n.get("referral_id")),
        "applications": sum(1 for n in needs if n.get("application_id")),
    }


_PLANNED = text(
    """
    INSERT INTO visit_campaigns_view (campaign_id, version, division_code, title, groups,
        starts_on, ends_on, planned_by)
    VALUES (:id, :version, :division_code, :title, CAST(:groups AS jsonb), :starts_on, :ends_on,
        :planned_by)
    ON CONFLICT (campaign_id) DO NOTHING
    """
)
_VISITED = text(
    """
    INSERT INTO visits_view (visit_id, campaign_id, division_code, visited_group, resident_id,
        visited_on, needs, help_given, recorded_by)
    VALUES (:id, :campaign_id, :division_code, :visited_group, :resident_id, :visited_on,
        CAST(:needs AS jsonb), :help_given, :recorded_by)
    ON CONFLICT (visit_id) DO NOTHING RETURNING visit_id
    """
)
_COUNTED = text(
    """
    UPDATE visit_campaigns_view SET visits = visits + 1, needs_found = needs_found + :needs,
        referrals = referrals + :referrals, applications = applications + :applications
    WHERE campaign_id = :campaign_id
    """
)
