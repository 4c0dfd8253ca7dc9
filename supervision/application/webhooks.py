"""Webhook deliveries the Standard Webhooks way (standardwebhooks.com): signing secrets, the
signature of one message, and the retry schedule (exponential back-off with full jitter)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

SECRET_PREFIX = "whsec_"
SIGNATURE_VERSION = "v1"


@dataclass(frozen=True)
class WebhookSettings:
    """How supervision delivers webhooks (the deployment's settings, `SUPERVISION_WEBHOOK_*`)."""

    backoff_base_s: float = 5.0  # the first retry waits up to this
    backoff_cap_s: float = 900.0  # no retry waits longer than this
    give_up_after_s: float = 86_400.0  # a delivery not accepted within this is dead
    secret_grace_s: float = 86_400.0  # a rotated-out secret keeps signing this long
    plain_http_hosts: tuple[str, ...] = ()  # hosts a callback may reach over plain http
    timeout_s: float = 5.0  # one POST, connect to last byte
    concurrency: int = 8  # POSTs in flight at once
    dispatch_interval_s: float = 1.0  # how often due deliveries are looked for


def new_secret() -> str:
    """A fresh signing secret: `whsec_` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """`v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` under the secret's key bytes."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return f"{SIGNATURE_VERSION},{base64.b64encode(digest).decode('ascii')}"


def signature_header(
    signing_secrets: Iterable[str], message_id: str, timestamp: int, body: bytes
) -> str:
    """The `webhook-signature` header: one signature per secret in force, space-separated."""
    return " ".join(signature(s, message_id, timestamp, body) for s in signing_secrets)


def verify(secret: str, message_id: str, timestamp: int, body: bytes, header: str) -> bool:
    """True when one of the header's signatures is the secret's (what a receiver checks)."""
    expected = signature(secret, message_id, timestamp, body)
    return any(hmac.compare_digest(expected, given) for given in header.split())


def retry_delay(attempts: int, settings: WebhookSettings, rng: random.Random) -> float:
    """Seconds to wait after the `attempts`-th failure: uniform in [0, min(cap, base·2^(n-1))]."""
    ceiling = min(settings.backoff_cap_s, settings.backoff_base_s * 2 ** max(0, attempts - 1))
    return rng.uniform(0.0, ceiling)
