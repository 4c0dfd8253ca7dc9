"""The webhook dispatcher never POSTs to a callback whose host resolves to a non-public address
(ADR 0036, SSRF and DNS rebinding): a real receiver on 127.0.0.1, NOT on this deployment's
allow-list, sits behind a name that resolves to it; it receives nothing, and the delivery records
the refusal, is retried like any failure and is dead after the bound. The clock is the
package's pinned `clock` fixture."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.clock import ManualClock
from shared.db import migrate
from supervision.application import webhook_targets
from supervision.application.webhook_dispatch import Dispatcher
from supervision.application.webhooks import WebhookSettings, new_secret
from supervision.projections.subscriptions import SUBSCRIPTION_MIGRATIONS
from tests.e2e.test_webhooks import Receiver, receiving

PARTNER = "partner.example.cn"
# Retries wait 40 s at most and give up 60 s after queueing: the second failure is the last.
SETTINGS = WebhookSettings(backoff_base_s=40, backoff_cap_s=40, give_up_after_s=60, timeout_s=5)


class Highest(random.Random):
    """Jitter that always waits the longest (so the schedule is known)."""

    def uniform(self, a: float, b: float) -> float:
        return b


async def resolves_to_loopback(host: str, port: int) -> list[str]:
    """The partner's DNS, rebound to the platform's own loopback."""
    assert host == PARTNER
    return ["127.0.0.1"]


async def _queued(engine: AsyncEngine, clock: ManualClock, callback_url: str) -> int:
    """An active subscription to `callback_url` with one delivery due now; the delivery's id."""
    await migrate(engine, SUBSCRIPTION_MIGRATIONS)
    subscription, now = str(uuid.uuid4()), clock.now()
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO webhook_subscriptions VALUES (:id, 'client-1', 'county_officer',"
                " '623027', :url, ARRAY['verification.CaseApproved'], ARRAY['623027'],"
                " ARRAY[]::text[], 'active', 1, :now)"
            ),
            {"id": subscription, "url": callback_url, "now": now},
        )
        await conn.execute(
            text("INSERT INTO webhook_secrets VALUES (:id, 's-1', :secret, :now, NULL)"),
            {"id": subscription, "secret": new_secret(), "now": now},
        )
        row = await conn.execute(
            text(
                "INSERT INTO webhook_deliveries (subscription_id, round, event_id, event_type,"
                " case_id, occurred_at, body, status, next_attempt_at, created_at)"
                " VALUES (:id, 0, :event, 'verification.CaseApproved', 'case-1', :now,"
                " '{\"type\": \"verification.CaseApproved\"}', 'pending', :now, :now)"
                " RETURNING id"
            ),
            {"id": subscription, "event": uuid.uuid4(), "now": now},
        )
        return int(row.scalar_one())


async def _delivery(engine: AsyncEngine, delivery_id: int) -> dict[str, object]:
    async with engine.connect() as conn:
        row = await conn.execute(
            text(
                "SELECT status, attempts, last_status_code, last_error, delivered_at"
                " FROM webhook_deliveries WHERE id = :id"
            ),
            {"id": delivery_id},
        )
        return dict(row.one()._mapping)


def _dispatcher(engine: AsyncEngine, clock: ManualClock) -> Dispatcher:
    return Dispatcher(engine, clock, SETTINGS, Highest(), resolve=resolves_to_loopback)


def _partner_url(receiver: Receiver) -> str:
    return f"http://{PARTNER}:{receiver.port}/hook"


async def test_a_callback_resolving_to_a_private_address_never_gets_a_post(
    engine: AsyncEngine, clock: ManualClock
) -> None:
    async with receiving() as receiver:
        delivery = await _queued(engine, clock, _partner_url(receiver))
        dispatcher = _dispatcher(engine, clock)

        assert await dispatcher.dispatch_due() == 1
        refused = await _delivery(engine, delivery)
        assert refused == {"status": "pending", "attempts": 1, "last_status_code": None,
                           "last_error": "callback resolves to a non-public address",
                           "delivered_at": None}  # fmt: skip

        clock.advance(timedelta(seconds=40))  # the retry comes, and is refused again
        assert await dispatcher.dispatch_due() == 1
        dead = await _delivery(engine, delivery)
        assert (dead["status"], dead["attempts"]) == ("dead", 2)
        assert dead["last_error"] == "callback resolves to a non-public address"
        assert receiver.accepted == [] and receiver.refused == 0


async def test_without_the_address_check_the_same_post_would_reach_the_receiver(
    engine: AsyncEngine, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: the receiver is reachable, so its silence above is the check's doing; and the
    pinned connection goes to the checked address while keeping the callback's Host header."""
    monkeypatch.setattr(webhook_targets, "is_public", lambda address: True)
    async with receiving() as receiver:
        delivery = await _queued(engine, clock, _partner_url(receiver))
        assert await _dispatcher(engine, clock).dispatch_due() == 1
        assert (await _delivery(engine, delivery))["status"] == "delivered"
        [(headers, _)] = receiver.accepted
        assert headers["host"] == f"{PARTNER}:{receiver.port}"


async def test_a_literal_loopback_callback_not_allow_listed_is_refused_too(
    engine: AsyncEngine, clock: ManualClock
) -> None:
    async with receiving() as receiver:
        delivery = await _queued(engine, clock, f"http://0x7f.1:{receiver.port}/hook")
        assert await _dispatcher(engine, clock).dispatch_due() == 1
        refused = await _delivery(engine, delivery)
        assert refused["last_error"] == "callback resolves to a non-public address"
        assert receiver.accepted == [] and receiver.refused == 0
