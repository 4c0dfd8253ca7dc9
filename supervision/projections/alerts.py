"""The alerts read model: one row per alert, for lists by division, detector and status."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.db import Migration
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler

ALERT_MIGRATIONS = (
    Migration(
        "supervision-0005-alerts-view",
        (
            """
            CREATE TABLE alerts_view (
                alert_id text PRIMARY KEY,
                detector text NOT NULL,
                key text NOT NULL,
                division_code text NOT NULL,
                case_ids jsonb NOT NULL,
                summary_zh text NOT NULL,
                evidence jsonb NOT NULL,
                raised_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX alerts_view_division_idx ON alerts_view (division_code, raised_at)",
        ),
    ),
    # Acknowledged, dismissed or escalated: the latest step, who took it, when and why.
    Migration(
        "supervision-alerts-0001-lifecycle-view",
        (
            "ALTER TABLE alerts_view ADD COLUMN status text NOT NULL DEFAULT 'open',"
            " ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN escalated_to text,"
            " ADD COLUMN escalated_division text, ADD COLUMN acted_by text,"
            " ADD COLUMN acted_role text, ADD COLUMN acted_at timestamptz,"
            " ADD COLUMN action_reason text",
            "CREATE INDEX alerts_view_status_idx ON alerts_view (status, raised_at)",
        ),
    ),
)

_INSERT = text(
    """
    INSERT INTO alerts_view (alert_id, detector, key, division_code, case_ids, summary_zh,
        evidence, raised_at) VALUES (:alert_id, :detector, :key, :division_code,
        CAST(:case_ids AS jsonb), :summary_zh, CAST(:evidence AS jsonb), :raised_at)
    ON CONFLICT (alert_id) DO NOTHING
    """
)
_STEP = text(
    """
    UPDATE alerts_view SET status = :status, version = :version,
        escalated_to = COALESCE(:escalated_to, escalated_to),
        escalated_division = COALESCE(:escalated_division, escalated_division),
        acted_by = :acted_by, acted_role = :acted_role, acted_at = :acted_at,
        action_reason = :reason
    WHERE alert_id = :alert_id AND version < :version
    """
)

_EVIDENCE = text(
    """
    UPDATE alerts_view SET case_ids = CAST(:case_ids AS jsonb), summary_zh = :summary_zh,
        evidence = CAST(:evidence AS jsonb), version = :version
    WHERE alert_id = :alert_id AND version < :version
    """
)


async def _raised(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Insert the alert raised."""
    data = event.data
    await conn.execute(
        _INSERT,
        {
            "alert_id": data["alert_id"],
            "detector": data["detector"],
            "key": data["key"],
            "division_code": data["division_code"],
            "case_ids": canonical_json(data["case_ids"]),
            "summary_zh": data["summary_zh"],
            "evidence": canonical_json(data["evidence"]),
            "raised_at": event.recorded_at,
        },
    )


async def _evidence_updated(event: RecordedEvent, conn: AsyncConnection) -> None:
    """A detector brought the alert's cases and evidence up to date (its status unchanged)."""
    data = event.data
    await conn.execute(
        _EVIDENCE,
        {
            "alert_id": data["alert_id"],
            "case_ids": canonical_json(data["case_ids"]),
            "summary_zh": data["summary_zh"],
            "evidence": canonical_json(data["evidence"]),
            "version": event.stream_version,
        },
    )


async def _acknowledged(event: RecordedEvent, conn: AsyncConnection) -> None:
    """An officer took the alert in hand."""
    await _step(event, conn, "acknowledged")


async def _dismissed(event: RecordedEvent, conn: AsyncConnection) -> None:
    """An officer set the alert aside."""
    await _step(event, conn, "dismissed")


async def _escalated(event: RecordedEvent, conn: AsyncConnection) -> None:
    """An officer sent the alert up to the city or the province."""
    await _step(event, conn, "escalated")


async def _step(event: RecordedEvent, conn: AsyncConnection, status: str) -> None:
    """Record a later step, who took it and why (once: the version only moves on)."""
    data, actor = event.data, event.metadata.actor
    await conn.execute(
        _STEP,
        {
            "alert_id": data["alert_id"],
            "status": status,
            "version": event.stream_version,
            "escalated_to": data.get("to_level"),
            "escalated_division": data.get("to_division"),
            "acted_by": actor.id,
            "acted_role": actor.role,
            "acted_at": event.recorded_at,
            "reason": data.get("reason") or data.get("note") or event.metadata.reason,
        },
    )


class AlertsView(Projection):
    """alerts_view ← supervision.AlertRaised, its evidence updates, then its acknowledgement,
    dismissal, escalation."""

    name = "supervision.alerts_view"
    tables = ("alerts_view",)
    handlers: Mapping[str, ProjectionHandler] = {
        "supervision.AlertRaised": _raised,
        "supervision.AlertEvidenceUpdated": _evidence_updated,
        "supervision.AlertAcknowledged": _acknowledged,
        "supervision.AlertDismissed": _dismissed,
        "supervision.AlertEscalated": _escalated,
    }
