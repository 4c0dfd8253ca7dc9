"""The webhook dispatcher: claims due deliveries, POSTs them signed, records each outcome.

A delivery is due when its time has come, its subscription is active, and no earlier delivery of
the same subscription and case is still pending: a case's events reach a subscriber in order,
each after the one before it was delivered or given up (dead). Claiming moves the attempt time
past the resolution's and the POST's timeouts (a lease), so replicas never send one delivery twice
at once; a replica that dies mid-POST leaves it to be sent again when the lease ends. A callback
whose host resolves to any non-public address is never connected to (`webhook_targets`): that
delivery fails like any other and is retried until it is dead.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from prometheus_client import Counter
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.clock import Clock
from supervision.application.webhook_targets import (
    Resolver,
    Unreachable,
    system_resolver,
    target_of,
)
from supervision.application.webhooks import WebhookSettings, retry_delay, signature_header

log = logging.getLogger(__name__)

WEBHOOK_DELIVERIES = Counter(
    "safetynet_webhook_deliveries_total",
    "Webhook POSTs by outcome: delivered, failed (to be retried) or dead (given up)",
    ("outcome",),
)
CONTENT_TYPE = "application/cloudevents+json; charset=utf-8"
_LEASE_MARGIN_S = 5.0

_CLAIM = text(
    """
    UPDATE webhook_deliveries SET next_attempt_at = :lease_until
    WHERE id IN (
        SELECT d.id FROM webhook_deliveries d
        JOIN webhook_subscriptions s
            ON s.subscription_id = d.subscription_id AND s.status = 'active'
        WHERE d.status = 'pending' AND d.next_attempt_at <= :now
          AND NOT EXISTS (
            SELECT 1 FROM webhook_deliveries e
            WHERE e.subscription_id = d.subscription_id AND e.case_id = d.case_id
              AND e.status = 'pending' AND e.id < d.id)
        ORDER BY d.next_attempt_at, d.id
        LIMIT :limit
        FOR UPDATE OF d SKIP LOCKED)
    RETURNING id, subscription_id, event_id, attempts, created_at, body
    """
)
_TARGETS = text(
    "SELECT subscription_id, callback_url FROM webhook_subscriptions"
    " WHERE subscription_id = ANY(CAST(:ids AS text[]))"
)
_SECRETS = text(
    "SELECT subscription_id, secret FROM webhook_secrets"
    " WHERE subscription_id = ANY(CAST(:ids AS text[]))"
    " AND (retires_at IS NULL OR retires_at > :now) ORDER BY created_at DESC"
)
_OUTCOME = text(
    """
    UPDATE webhook_deliveries SET status = :status, attempts = attempts + 1,
        next_attempt_at = :next_attempt_at, last_status_code = :code, last_error = :error,
        delivered_at = :delivered_at
    WHERE id = :id
    """
)


@dataclass(frozen=True)
class Claimed:
    """A delivery claimed for one POST, with where it goes and the secrets that sign it."""

    id: int
    message_id: str
    attempts: int
    created_at: datetime
    body: bytes
    url: str
    signing_secrets: tuple[str, ...]


@dataclass(frozen=True)
class Answer:
    """What one POST came to: a status code, or the error that kept it from one."""

    code: int | None
    error: str | None

    @property
    def accepted(self) -> bool:
        """2xx only: a redirect is never followed, so it is a failure too."""
        return self.code is not None and 200 <= self.code < 300


def direct_transport() -> httpx.AsyncHTTPTransport:
    """Connections straight to the pinned address (an explicit transport: no proxy from the
    environment, which would connect on its own), none kept alive (a connection pinned and
    TLS-named for one callback never carries another's request)."""
    return httpx.AsyncHTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))


class Dispatcher:
    """Sends due deliveries, a bounded number at once, on the service's clock."""

    def __init__(
        self,
        engine: AsyncEngine,
        clock: Clock,
        settings: WebhookSettings,
        rng: random.Random | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        resolve: Resolver = system_resolver,
    ) -> None:
        self.engine, self.clock, self.settings = engine, clock, settings
        self.rng = rng or random.Random()
        self.transport, self.resolve = transport, resolve

    async def dispatch_due(self) -> int:
        """Send every delivery due now, batch after batch; how many were sent."""
        sent = 0
        async with httpx.AsyncClient(
            follow_redirects=False,
            timeout=httpx.Timeout(self.settings.timeout_s),
            transport=self.transport or direct_transport(),
        ) as client:
            while True:
                batch = await self._claim()
                if not batch:
                    return sent
                await asyncio.gather(*(self._send(client, claimed) for claimed in batch))
                sent += len(batch)

    async def _claim(self) -> list[Claimed]:
        now = self.clock.now()
        lease = timedelta(seconds=2 * self.settings.timeout_s + _LEASE_MARGIN_S)
        params = {"now": now, "lease_until": now + lease, "limit": self.settings.concurrency}
        async with self.engine.begin() as conn:
            rows = list(await conn.execute(_CLAIM, params))
            if not rows:
                return []
            ids = sorted({row.subscription_id for row in rows})
            urls = {
                r.subscription_id: r.callback_url
                for r in await conn.execute(_TARGETS, {"ids": ids})
            }
            keys: dict[str, list[str]] = {}
            for r in await conn.execute(_SECRETS, {"ids": ids, "now": now}):
                keys.setdefault(r.subscription_id, []).append(r.secret)
        return [
            Claimed(
                row.id,
                str(row.event_id),
                row.attempts,
                row.created_at,
                row.body.encode("utf-8"),
                urls[row.subscription_id],
                tuple(keys.get(row.subscription_id, ())),
            )
            for row in sorted(rows, key=lambda r: r.id)
        ]

    async def _send(self, client: httpx.AsyncClient, claimed: Claimed) -> None:
        answer = await self._post(client, claimed)
        await self._record(claimed, answer)

    async def _post(self, client: httpx.AsyncClient, claimed: Claimed) -> Answer:
        try:
            target = await target_of(
                claimed.url, self.settings.plain_http_hosts, self.resolve, self.settings.timeout_s
            )
        except Unreachable as refused:
            log.warning("webhook delivery %d not sent: %s", claimed.id, refused)
            return Answer(None, str(refused))
        try:
            async with client.stream(  # the status is the answer: the body is never read
                "POST",
                target.url,
                content=claimed.body,
                headers=self._signed_headers(claimed) | target.headers,
                extensions=target.extensions,
            ) as response:
                code = response.status_code
        except httpx.HTTPError as failure:
            return Answer(None, f"{type(failure).__name__}: {failure}"[:500])
        return Answer(code, None if 200 <= code < 300 else f"HTTP {code}")

    def _signed_headers(self, claimed: Claimed) -> dict[str, str]:
        """The Standard Webhooks headers of one attempt, signed now by every secret in force."""
        timestamp = int(self.clock.now().timestamp())
        return {
            "content-type": CONTENT_TYPE,
            "webhook-id": claimed.message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature_header(
                claimed.signing_secrets, claimed.message_id, timestamp, claimed.body
            ),
        }

    async def _record(self, claimed: Claimed, answer: Answer) -> None:
        now = self.clock.now()
        values: dict[str, Any] = {"id": claimed.id, "code": answer.code, "error": answer.error}
        if answer.accepted:
            outcome = "delivered"
            values |= {"status": "delivered", "next_attempt_at": None, "delivered_at": now}
        else:
            delay = retry_delay(claimed.attempts + 1, self.settings, self.rng)
            next_at = now + timedelta(seconds=delay)
            give_up_at = claimed.created_at + timedelta(seconds=self.settings.give_up_after_s)
            outcome = "dead" if next_at > give_up_at else "failed"
            status = "dead" if outcome == "dead" else "pending"
            values |= {
                "status": status,
                "delivered_at": None,
                "next_attempt_at": None if outcome == "dead" else next_at,
            }
        async with self.engine.begin() as conn:
            await conn.execute(_OUTCOME, values)
        WEBHOOK_DELIVERIES.labels(outcome).inc()
        if outcome == "dead":
            log.warning(
                "webhook delivery %d given up after %d attempts", claimed.id, claimed.attempts + 1
            )
