"""The applications read model: one row per application, its routes, and staff-relative filings."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler

Routes = list[dict[str, Any]]
Fresh = dict[str, dict[str, Any]]
"""A batch's new applications by id: each row as inserted, with the routes that followed it."""


async def _submitted(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(_UPSERT, _row_of(event))


async def _insert_fresh(fresh: Fresh, conn: AsyncConnection) -> None:
    if fresh:
        rows = [{**row, "routes": canonical_json(row["routes"])} for row in fresh.values()]
        await conn.execute(_INSERT_ROUTED, rows)
        fresh.clear()


async def _routed(event: RecordedEvent, conn: AsyncConnection) -> None:
    route = _route_of(event)
    await _update_routes(event, conn, lambda routes: [*routes, route])


def _route_of(event: RecordedEvent) -> dict[str, Any]:
    data = event.data
    return {
        "programme": data["programme"],
        "agency": data["agency"],
        "outcome": None,
        "details": data.get("details") or {},
    }


async def _decided(event: RecordedEvent, conn: AsyncConnection) -> None:
    programme, outcome = event.data["programme"], event.data["outcome"]

    def decide(routes: Routes) -> Routes:
        return [{**r, "outcome": outcome} if r["programme"] == programme else r for r in routes]

    await _update_routes(event, conn, decide)


async def _update_routes(
    event: RecordedEvent, conn: AsyncConnection, change: Callable[[Routes], Routes]
) -> None:
    found = await conn.execute(
        text("SELECT routes, status FROM applications_view WHERE application_id = :id"),
        {"id": event.data["application_id"]},
    )
    row = found.first()
    if row is None:
        return
    routes = change(_json(row.routes))
    status = row.status
    if status == "open" and routes and all(r["outcome"] for r in routes):
        status = "decided"
    await conn.execute(
        text(
            "UPDATE applications_view SET routes = CAST(:routes AS jsonb), status = :status,"
            " version = :version WHERE application_id = :id"
        ),
        {**_key(event), "routes": canonical_json(routes), "status": status},
    )


async def _amended(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text(
            "UPDATE applications_view SET declared_monthly_income_fen = :income,"
            " declared_assets_fen = :assets, version = :version WHERE application_id = :id"
        ),
        {
            **_key(event),
            "income": event.data["declared_monthly_income_fen"],
            "assets": event.data["declared_assets_fen"],
        },
    )


async def _withdrawn(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text(
            "UPDATE applications_view SET status = 'withdrawn', version = :version"
            " WHERE application_id = :id"
        ),
        _key(event),
    )


async def _staff_relative(event: RecordedEvent, conn: AsyncConnection) -> None:
    data = event.data
    await conn.execute(
        text(
            "UPDATE applications_view SET staff_relative = true, version = :version"
            " WHERE application_id = :id"
        ),
        _key(event),
    )
    await conn.execute(
        text(
            "INSERT INTO staff_relatives_view (application_id, member_resident_id, division_code,"
            " official_name, official_role, official_org, kinship, declared_at) VALUES (:id,"
            " :member, :division, :name, :role, :org, :kinship, :at) ON CONFLICT DO NOTHING"
        ),
        {
            "id": data["application_id"],
            "member": data["member_resident_id"],
            "division": data["division_code"],
            "name": data["official_name"],
            "role": data["official_role"],
            "org": data["official_org"],
            "kinship": data["kinship"],
            "at": event.recorded_at,
        },
    )


_UPSERT = text(
    """
    INSERT INTO applications_view (application_id, version, division_code, registration,
        programmes, status, members, declared_monthly_income_fen, declared_assets_fen,
        bank_account_holder, accepted_by, accepted_at)
    VALUES (:application_id, :version, :division_code, :registration, CAST(:programmes AS jsonb),
        'open', CAST(:members AS jsonb), :income, :assets, CAST(:holder AS jsonb), :accepted_by,
        :accepted_at)
    ON CONFLICT (application_id) DO UPDATE SET version = EXCLUDED.version
    """
)


# a submission with the routes that followed it (none decided yet: still open); a row already
# there (the batch applied before a crash, then again) keeps what it has
_INSERT_ROUTED = text(
    """
    INSERT INTO applications_view (application_id, version, division_code, registration,
        programmes, status, members, declared_monthly_income_fen, declared_assets_fen,
        bank_account_holder, accepted_by, accepted_at, routes)
    VALUES (:application_id, :version, :division_code, :registration, CAST(:programmes AS jsonb),
        'open', CAST(:members AS jsonb), :income, :assets, CAST(:holder AS jsonb), :accepted_by,
        :accepted_at, CAST(:routes AS jsonb))
    ON CONFLICT (application_id) DO NOTHING
    """
)


def _key(event: RecordedEvent) -> dict[str, Any]:
    return {"id": event.data["application_id"], "version": event.stream_version}


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _row_of(event: RecordedEvent) -> dict[str, Any]:
    data = event.data
    return {
        "application_id": data["application_id"],
        "version": event.stream_version,
        "division_code": data["division_code"],
        "registration": data["registration"],
        "programmes": canonical_json(data["programmes"]),
        "members": canonical_json(data["members"]),
        "income": data["declared_monthly_income_fen"],
        "assets": data["declared_assets_fen"],
        "holder": _holder_json(data.get("bank_account_holder")),
        "accepted_by": event.metadata.actor.id,
        "accepted_at": event.recorded_at,
    }


def _holder_json(holder: dict[str, Any] | None) -> str | None:
    return canonical_json(holder) if holder else None


def _gather_submission(event: RecordedEvent, fresh: Fresh) -> bool:
    fresh[event.data["application_id"]] = {**_row_of(event), "routes": []}
    return True


def _gather_route(event: RecordedEvent, fresh: Fresh) -> bool:
    row = fresh.get(event.data["application_id"])
    if row is None:
        return False
    row["routes"].append(_route_of(event))
    row["version"] = event.stream_version
    return True


Gatherer = Callable[[RecordedEvent, Fresh], bool]
_GATHERED: Mapping[str, Gatherer] = {
    "intake.ApplicationSubmitted": _gather_submission,
    "intake.ProgrammeRouted": _gather_route,
}
"""The events a batch folds into its fresh rows: each says whether it took the event."""


class ApplicationsView(Projection):
    """applications_view + staff_relatives_view ← the application stream's events."""

    name = "intake.applications_view"
    tables = ("applications_view", "staff_relatives_view")
    handlers: Mapping[str, ProjectionHandler] = {
        "intake.ApplicationSubmitted": _submitted,
        "intake.ProgrammeRouted": _routed,
        "intake.ProgrammeDecided": _decided,
        "intake.ProgrammeDecidedByAgency": _decided,
        "intake.ApplicationAmended": _amended,
        "intake.ApplicationWithdrawn": _withdrawn,
        "intake.StaffRelativeDeclared": _staff_relative,
    }

    async def handle_batch(self, batch: list[RecordedEvent], conn: AsyncConnection) -> None:
        """Applications submitted and routed within the batch are inserted with their routes in
        one statement (a submission's events come together); anything else applies in order."""
        fresh: Fresh = {}
        for event in batch:
            gather = _GATHERED.get(event.type)
            if gather is None or not gather(event, fresh):
                await _insert_fresh(fresh, conn)
                await self.handle(event, conn)
        await _insert_fresh(fresh, conn)
