"""Public events → webhook deliveries: each event of the public view that a subscription's filters
match becomes one pending delivery row, written in the consumer's inbox transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.clock import Clock
from shared.eventstore.envelope import RecordedEvent
from shared.messaging.delivery import SetBasedHandler
from shared.messaging.public_events import structured_event
from supervision.domain.subscription import Filters, division_of

_ACTIVE = text(
    "SELECT subscription_id, event_types, division_codes, programmes"
    " FROM webhook_subscriptions WHERE status = 'active'"
)
_QUEUE = text(
    """
    INSERT INTO webhook_deliveries (subscription_id, round, event_id, event_type, case_id,
        occurred_at, body, status, next_attempt_at, created_at)
    VALUES (:subscription_id, 0, :event_id, :event_type, :case_id, :occurred_at, :body,
        'pending', :now, :now)
    ON CONFLICT (subscription_id, event_id, round) DO NOTHING
    """
)
_CASE_DIVISIONS = text("SELECT case_id, division_code FROM case_index WHERE case_id = ANY(:ids)")


def webhook_body(event: RecordedEvent) -> str:
    """What is POSTed: the public CloudEvent in JSON (structured mode), as it is signed."""
    return json.dumps(structured_event(event), ensure_ascii=False, separators=(",", ":"))


def queue_handler(clock: Clock) -> SetBasedHandler:
    """The consumer handler of the public topics (one event, or a batch in one statement)."""

    async def many(events: Sequence[RecordedEvent], conn: AsyncConnection) -> None:
        subscriptions = {
            row.subscription_id: Filters.of(row.event_types, row.division_codes, row.programmes)
            for row in await conn.execute(_ACTIVE)
        }
        wanted = {kind for filters in subscriptions.values() for kind in filters.event_types}
        divisions = await _case_divisions(conn, [e for e in events if e.type in wanted])
        now = clock.now()
        rows = [
            _delivery(subscription_id, event, now)
            for event in events
            for subscription_id, filters in subscriptions.items()
            if filters.matches(event.type, event.data, divisions.get(event.case_id or ""))
        ]
        if rows:
            await conn.execute(_QUEUE, rows)

    async def one(event: RecordedEvent, conn: AsyncConnection) -> None:
        await many([event], conn)

    return SetBasedHandler(one, many)


async def _case_divisions(conn: AsyncConnection, events: Sequence[RecordedEvent]) -> dict[str, str]:
    """The case's division of each event that names no place itself, from the case index."""
    placeless = sorted({e.case_id for e in events if e.case_id and division_of(e.data) is None})
    if not placeless:
        return {}
    return {
        row.case_id: row.division_code
        for row in await conn.execute(_CASE_DIVISIONS, {"ids": placeless})
    }


def _delivery(subscription_id: str, event: RecordedEvent, now: Any) -> dict[str, Any]:
    return {
        "subscription_id": subscription_id,
        "event_id": event.event_id,
        "event_type": event.type,
        "case_id": event.case_id,
        "occurred_at": event.occurred_at,
        "body": webhook_body(event),
        "now": now,
    }
