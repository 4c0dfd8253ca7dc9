"""Response models of the supervision API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel


class ActorOut(BaseModel):
    """Who did it."""

    id: str
    role: str
    org: str
    division: str


class TrailEntry(BaseModel):
    """One event of the case, from any service: who, when, what, why, how."""

    service: str
    type: str
    stream_id: str
    stream_version: int
    event_id: str
    occurred_at: datetime
    recorded_at: datetime
    actor: ActorOut
    channel: str
    reason: str | None
    correlation_id: str | None
    causation_id: str | None
    hash: str


class AuditTrail(BaseModel):
    """The complete timeline of a case across the four services."""

    case_id: str
    division_code: str | None
    services: list[str]
    entries: list[TrailEntry]
    next_cursor: str | None = None


class ChainVerdict(BaseModel):
    """The verdict on one stream's hash chain."""

    service: str
    stream_id: str
    events_checked: int
    ok: bool
    first_bad_version: int | None
    problem: str | None


class TrailVerification(BaseModel):
    """Whether every chain in the case's trail holds."""

    case_id: str
    ok: bool
    chains: list[ChainVerdict]


def entry_of(row: dict[str, Any]) -> TrailEntry:
    """An audit-trail row as the API shows it (no event data: personal details stay inside)."""
    metadata = row["metadata"]
    return TrailEntry(
        service=row["service"],
        type=row["type"],
        stream_id=row["stream_id"],
        stream_version=row["stream_version"],
        event_id=str(row["event_id"]),
        occurred_at=row["occurred_at"],
        recorded_at=row["recorded_at"],
        actor=ActorOut(**metadata["actor"]),
        channel=metadata["channel"],
        reason=metadata.get("reason"),
        correlation_id=metadata.get("correlation_id"),
        causation_id=metadata.get("causation_id"),
        hash=row["hash"],
    )
