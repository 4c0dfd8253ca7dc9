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
from supervision.domain.subscription import Filters

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
        now = clock.now()
        rows = [
            _delivery(subscription_id, event, now)
            for event in events
            for subscription_id, filters in subscriptions.items()
            if filters.matches(event.type, event.data)
        ]
        if rows:
            await conn.execute(_QUEUE, rows)

    async def one(event: RecordedEvent, conn: AsyncConnection) -> None:
        await many([event], conn)

    return SetBasedHandler(one, many)


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
