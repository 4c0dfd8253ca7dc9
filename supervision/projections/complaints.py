"""The complaints read model: one row per complaint for lists, deadlines and overdue views."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.db import Migration
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler

COMPLAINT_MIGRATIONS = (
    Migration(
        "supervision-0003-complaints-view",
        (
            """
            CREATE TABLE complaints_view (
                complaint_id text PRIMARY KEY,
                version integer NOT NULL,
                division_code text NOT NULL,
                channel text NOT NULL,
                anonymous boolean NOT NULL,
                subject_case_id text,
                allegation text NOT NULL,
                status text NOT NULL,
                assigned_to text,
                upheld boolean,
                received_on date NOT NULL,
                due_on date NOT NULL,
                overdue_flagged boolean NOT NULL DEFAULT false,
                actions jsonb NOT NULL DEFAULT '[]'::jsonb,
                updated_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX complaints_view_division_idx ON complaints_view (division_code)",
            "CREATE INDEX complaints_view_due_idx ON complaints_view (due_on)"
            " WHERE status <> 'closed'",
        ),
    ),
)

_RECEIVED = text(
    """
    INSERT INTO complaints_view (complaint_id, version, division_code, channel, anonymous,
        subject_case_id, allegation, status, received_on, due_on, updated_at)
    VALUES (:complaint_id, :version, :division_code, :channel, :anonymous, :subject_case_id,
        :allegation, 'received', :received_on, :due_on, :at)
    ON CONFLICT (complaint_id) DO NOTHING
    """
)
_ASSIGNED = text(
    "UPDATE complaints_view SET version = :version, updated_at = :at,"
    " status = 'assigned', assigned_to = :inspector_id WHERE complaint_id = :id"
)
_VERIFIED = text(
    "UPDATE complaints_view SET version = :version, updated_at = :at,"
    " status = 'verified', upheld = :upheld WHERE complaint_id = :id"
)
_ACTION_ORDERED = text(
    "UPDATE complaints_view SET version = :version, updated_at = :at,"
    " actions = actions || CAST(:action AS jsonb) WHERE complaint_id = :id"
)
_OVERDUE = text(
    "UPDATE complaints_view SET version = :version, updated_at = :at,"
    " overdue_flagged = true WHERE complaint_id = :id"
)
_CLOSED = text(
    "UPDATE complaints_view SET version = :version, updated_at = :at,"
    " status = 'closed' WHERE complaint_id = :id"
)


async def _received(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Insert the complaint at its receipt, with its deadline."""
    data = event.data
    dates = {k: date.fromisoformat(data[k]) for k in ("received_on", "due_on")}
    fields = {key: data[key] for key in _RECEIVED_FIELDS}
    await conn.execute(_RECEIVED, {**fields, **dates, "version": 1, "at": event.recorded_at})


async def _assigned(event: RecordedEvent, conn: AsyncConnection) -> None:
    """The inspector handling it."""
    await conn.execute(_ASSIGNED, {**_stamp(event), "inspector_id": event.data["inspector_id"]})


async def _verified(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Upheld or not."""
    await conn.execute(_VERIFIED, {**_stamp(event), "upheld": event.data["upheld"]})


async def _action_ordered(event: RecordedEvent, conn: AsyncConnection) -> None:
    """A corrective action, added to the complaint that ordered it (none: not a complaint's)."""
    if event.data.get("complaint_id"):
        await conn.execute(
            _ACTION_ORDERED, {**_stamp(event), "action": canonical_json([event.data])}
        )


async def _overdue(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Flag the deadline passed."""
    await conn.execute(_OVERDUE, _stamp(event))


async def _closed(event: RecordedEvent, conn: AsyncConnection) -> None:
    """The complaint closed."""
    await conn.execute(_CLOSED, _stamp(event))


def _stamp(event: RecordedEvent) -> dict[str, Any]:
    """The row a later event updates, and the version and instant it brings it to."""
    return {
        "id": event.data["complaint_id"],
        "version": event.stream_version,
        "at": event.recorded_at,
    }


_RECEIVED_FIELDS = (
    "complaint_id",
    "division_code",
    "channel",
    "anonymous",
    "subject_case_id",
    "allegation",
)


class ComplaintsView(Projection):
    """complaints_view ← supervision.Complaint* and CorrectiveActionOrdered."""

    name = "supervision.complaints_view"
    tables = ("complaints_view",)
    handlers: Mapping[str, ProjectionHandler] = {
        "supervision.ComplaintReceived": _received,
        "supervision.ComplaintAssigned": _assigned,
        "supervision.ComplaintVerified": _verified,
        "supervision.CorrectiveActionOrdered": _action_ordered,
        "supervision.ComplaintOverdue": _overdue,
        "supervision.ComplaintClosed": _closed,
    }
