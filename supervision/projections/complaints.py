"""The complaints read model: one row per complaint for lists, deadlines and overdue views."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.db import Migration
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection

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
_RECEIPT = "supervision.ComplaintReceived"
_SET = (
    "UPDATE complaints_view SET version = :version, updated_at = :at, {} WHERE complaint_id = :id"
)
_UPDATES = {
    "supervision.ComplaintAssigned": "status = 'assigned', assigned_to = :inspector_id",
    "supervision.ComplaintVerified": "status = 'verified', upheld = :upheld",
    "supervision.CorrectiveActionOrdered": "actions = actions || CAST(:action AS jsonb)",
    "supervision.ComplaintOverdue": "overdue_flagged = true",
    "supervision.ComplaintClosed": "status = 'closed'",
}


class ComplaintsView(Projection):
    """complaints_view ← supervision.Complaint* and CorrectiveActionOrdered."""

    name = "supervision.complaints_view"
    tables = ("complaints_view",)
    handles = frozenset({_RECEIPT, *_UPDATES})

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Insert on receipt; update the stage, assignee, outcome and actions after."""
        data = event.data
        if event.type == _RECEIPT:
            await conn.execute(
                _RECEIVED, {**_received(data), "version": 1, "at": event.recorded_at}
            )
        elif event.type in _UPDATES and data.get("complaint_id"):
            params: dict[str, Any] = {
                "id": data["complaint_id"],
                "version": event.stream_version,
                "at": event.recorded_at,
                "inspector_id": data.get("inspector_id"),
                "upheld": data.get("upheld"),
                "action": canonical_json([data]),
            }
            await conn.execute(text(_SET.format(_UPDATES[event.type])), params)


def _received(data: dict[str, Any]) -> dict[str, Any]:
    dates = {k: date.fromisoformat(data[k]) for k in ("received_on", "due_on")}
    return dates | {
        key: data[key]
        for key in (
            "complaint_id",
            "division_code",
            "channel",
            "anonymous",
            "subject_case_id",
            "allegation",
        )
    }
