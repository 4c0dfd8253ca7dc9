"""Webhook subscriptions as the consumer and the dispatcher read them, and the tables beside them.

`webhook_subscriptions` is a projection of the subscription events (rebuildable). The signing
secrets and the deliveries are not derived from events: the secrets are written by the routes in
the transaction that appends the event naming them, the deliveries by the public-events consumer
in the transaction of its inbox (so nothing is lost between Kafka and the table).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.db import Migration
from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler

SUBSCRIPTION_MIGRATIONS = (
    Migration(
        "supervision-webhooks-0001-subscriptions-deliveries",
        (
            """
            CREATE TABLE webhook_subscriptions (
                subscription_id text PRIMARY KEY,
                owner_client_id text NOT NULL,
                owner_role text NOT NULL,
                owner_division text NOT NULL,
                callback_url text NOT NULL,
                event_types text[] NOT NULL,
                division_codes text[] NOT NULL,
                programmes text[] NOT NULL,
                status text NOT NULL,
                version integer NOT NULL,
                created_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX webhook_subscriptions_owner_idx"
            " ON webhook_subscriptions (owner_client_id, created_at)",
            """
            CREATE TABLE webhook_secrets (
                subscription_id text NOT NULL,
                secret_id text NOT NULL,
                secret text NOT NULL,
                created_at timestamptz NOT NULL,
                retires_at timestamptz,
                PRIMARY KEY (subscription_id, secret_id)
            )
            """,
            """
            CREATE TABLE webhook_deliveries (
                id bigserial PRIMARY KEY,
                subscription_id text NOT NULL,
                round integer NOT NULL,
                event_id uuid NOT NULL,
                event_type text NOT NULL,
                case_id text NOT NULL,
                occurred_at timestamptz NOT NULL,
                body text NOT NULL,
                status text NOT NULL,
                attempts integer NOT NULL DEFAULT 0,
                next_attempt_at timestamptz,
                last_status_code integer,
                last_error text,
                delivered_at timestamptz,
                created_at timestamptz NOT NULL,
                UNIQUE (subscription_id, event_id, round)
            )
            """,
            "CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)"
            " WHERE status = 'pending'",
            "CREATE INDEX webhook_deliveries_case_idx"
            " ON webhook_deliveries (subscription_id, case_id, id) WHERE status = 'pending'",
            "CREATE INDEX webhook_deliveries_list_idx ON webhook_deliveries (subscription_id, id)",
        ),
    ),
)

_SUBSCRIBED = text(
    """
    INSERT INTO webhook_subscriptions (subscription_id, owner_client_id, owner_role,
        owner_division, callback_url, event_types, division_codes, programmes, status, version,
        created_at)
    VALUES (:subscription_id, :owner_client_id, :owner_role, :owner_division, :callback_url,
        :event_types, :division_codes, :programmes, 'active', :version, :at)
    ON CONFLICT (subscription_id) DO NOTHING
    """
)
_CHANGED = text(
    "UPDATE webhook_subscriptions SET version = :version,"
    " status = CASE WHEN :cancelled THEN 'cancelled' ELSE status END"
    " WHERE subscription_id = :subscription_id"
)


async def _subscribed(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Insert the new subscription, active."""
    fields = {k: event.data[k] for k in _SUBSCRIBED_FIELDS}
    await conn.execute(
        _SUBSCRIBED, {**fields, "version": event.stream_version, "at": event.recorded_at}
    )


async def _changed(event: RecordedEvent, conn: AsyncConnection) -> None:
    """A rotated secret or a replay: the subscription's version moves on."""
    await _follow(event, conn, cancelled=False)


async def _cancelled(event: RecordedEvent, conn: AsyncConnection) -> None:
    """The subscription ends."""
    await _follow(event, conn, cancelled=True)


async def _follow(event: RecordedEvent, conn: AsyncConnection, *, cancelled: bool) -> None:
    params = {"subscription_id": event.data["subscription_id"], "cancelled": cancelled}
    await conn.execute(_CHANGED, {**params, "version": event.stream_version})


_SUBSCRIBED_FIELDS = (
    "subscription_id",
    "owner_client_id",
    "owner_role",
    "owner_division",
    "callback_url",
    "event_types",
    "division_codes",
    "programmes",
)


class SubscriptionsView(Projection):
    """webhook_subscriptions ← supervision.Webhook* events."""

    name = "supervision.webhook_subscriptions"
    tables = ("webhook_subscriptions",)
    handlers: Mapping[str, ProjectionHandler] = {
        "supervision.WebhookSubscribed": _subscribed,
        "supervision.WebhookSecretRotated": _changed,
        "supervision.WebhookReplayRequested": _changed,
        "supervision.WebhookSubscriptionCancelled": _cancelled,
    }
