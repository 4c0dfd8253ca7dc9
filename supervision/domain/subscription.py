"""Webhook subscriptions (issue #18, the DCI subscribe/notify pattern): a partner system or a
county bureau that cannot read Kafka names a callback URL and the public events it wants.

The subscription is an aggregate like any other: who subscribed, to what, each rotation of its
signing secret, a replay asked for and the cancellation are events. The secrets themselves are
never in an event (events reach the public topics); they live in `webhook_secrets` only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry, event_type
from shared.identity import jurisdiction_prefix
from supervision.domain.callback_hosts import is_allowed_anywhere, names_a_non_public_host

# Where an event names its place, most precise first (the public view keeps division codes).
DIVISION_FIELDS = ("division_code", "village_code", "township_code", "county_code")

# The programmes each partner department may follow: the ones it decides (ADR 0032; a contract
# test checks this against intake's PARTNER_DECISIONS). Civil affairs roles follow any programme.
PARTNER_PROGRAMMES: dict[str, frozenset[str]] = {
    "health_insurance": frozenset({"medical_assistance", "disease_emergency"}),
    "emergency_management_bureau": frozenset({"disaster_relief"}),
    "education_bureau": frozenset({"education_assistance"}),
    "housing_bureau": frozenset({"housing_assistance"}),
    "human_resources_bureau": frozenset({"employment_assistance"}),
    "disabled_persons_federation": frozenset({"disability_subsidies"}),
}


@event_type("supervision.WebhookSubscribed", version=1)
@dataclass(frozen=True)
class WebhookSubscribed:
    """A partner system or bureau subscribed a callback URL to public events (secret not here)."""

    subscription_id: str
    callback_url: str  # stored whole for delivery; published as its scheme and host only
    event_types: tuple[str, ...]
    division_codes: tuple[str, ...]
    programmes: tuple[str, ...]  # empty: every programme
    owner_client_id: str
    owner_role: str
    owner_division: str
    secret_id: str  # names the signing secret, which only `webhook_secrets` holds


@event_type("supervision.WebhookSecretRotated", version=1)
@dataclass(frozen=True)
class WebhookSecretRotated:
    """A new signing secret; the previous ones keep signing beside it until `previous_until`."""

    subscription_id: str
    secret_id: str
    previous_until: datetime


@event_type("supervision.WebhookReplayRequested", version=1)
@dataclass(frozen=True)
class WebhookReplayRequested:
    """Everything delivered (or due) to the subscription from a point on is to be sent again."""

    subscription_id: str
    from_instant: datetime | None  # events that occurred then or later
    from_delivery_id: int | None  # or: that delivery and every later one
    deliveries: int  # how many were queued again


@event_type("supervision.WebhookSubscriptionCancelled", version=1)
@dataclass(frozen=True)
class WebhookSubscriptionCancelled:
    """The subscription ends: nothing more is sent to it."""

    subscription_id: str


class SubscriptionCancelled(DomainError):
    """The subscription was cancelled; it can no longer change."""

    code = "subscription-cancelled"
    status = 409
    title_en = "The subscription was cancelled"
    title_zh = "该订阅已取消"


class InvalidCallbackUrl(DomainError):
    """A callback URL the platform will not call."""

    code = "invalid-callback-url"
    title_en = "The callback URL is not acceptable"
    title_zh = "回调地址不符合要求"


class ProgrammeNotFollowed(DomainError):
    """A partner department asked for programmes it does not decide."""

    code = "programme-not-followed"
    status = 403
    title_en = "Your agency may not follow these programmes"
    title_zh = "本部门无权订阅这些救助项目"


@dataclass(frozen=True)
class Filters:
    """What a subscription wants: event types, places (by prefix) and programmes (empty: all)."""

    event_types: frozenset[str]
    division_prefixes: tuple[str, ...]
    programmes: frozenset[str]

    @classmethod
    def of(
        cls, event_types: Iterable[str], divisions: Iterable[str], programmes: Iterable[str]
    ) -> Filters:
        """Filters from a subscription's lists: a county code stands for all its townships."""
        prefixes = tuple(sorted({jurisdiction_prefix(code) for code in divisions}))
        return cls(frozenset(event_types), prefixes, frozenset(programmes))

    def matches(
        self, event_type: str, data: dict[str, Any], case_division: str | None = None
    ) -> bool:
        """True when an event of this type with this (public) data is wanted. An event that
        names no place (a payment, a proposal) is placed by its case's division
        (`case_division`, as supervision's case index has it)."""
        if event_type not in self.event_types:
            return False
        division = division_of(data) or case_division
        if division is None or not division.startswith(self.division_prefixes):
            return False
        return not self.programmes or bool(programmes_of(data) & self.programmes)


def division_of(data: dict[str, Any]) -> str | None:
    """The most precise division code an event names, or None."""
    for name in DIVISION_FIELDS:
        value = data.get(name)
        if isinstance(value, str) and value.isdigit():
            return value
    return None


def programmes_of(data: dict[str, Any]) -> set[str]:
    """The programmes an event is about (`programme` or `programmes`)."""
    found = data.get("programmes")
    named = set(found) if isinstance(found, list) else set()
    if isinstance(data.get("programme"), str):
        named.add(data["programme"])
    return {p for p in named if isinstance(p, str)}


CALLBACK_URL_PATTERN = r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$"
"""Only the characters of a URL (RFC 3986: unreserved, reserved, and % for percent-encoding)."""
_URL_CHARACTERS = re.compile(CALLBACK_URL_PATTERN)


def check_callback_url(url: str, plain_http_hosts: Sequence[str]) -> None:
    """Refuse (422 naming `callback_url`) what the dispatcher must never call: not https (unless
    the host is allowed plain http by the settings), credentials in the URL, a fragment, a host
    that names a non-public address (`localhost`, a private IP in any literal form) unless the
    settings allow it. A name resolving to such an address is refused when delivering."""

    def refuse(en: str, zh: str) -> InvalidCallbackUrl:
        return InvalidCallbackUrl(en, zh, field="callback_url")

    if not _URL_CHARACTERS.match(url):
        raise refuse(
            "the callback URL holds a character no URL has (a space, say): percent-encode it",
            "回调地址含有网址不允许的字符（如空格），请进行百分号编码",
        )
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number in range
    except ValueError as bad:
        raise refuse("the callback URL is not a valid URL", "回调地址格式不正确") from bad
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise refuse(
            "the callback URL must be an absolute https URL", "回调地址须为完整的 https 地址"
        )
    if parts.username is not None or parts.password is not None:
        raise refuse("the callback URL may not carry credentials", "回调地址不得包含用户名或密码")
    if parts.fragment:
        raise refuse("the callback URL may not have a fragment", "回调地址不得包含片段(#)")
    if parts.scheme == "http" and parts.hostname not in plain_http_hosts:
        raise refuse(
            "the callback URL must use https (plain http is not allowed to this host)",
            "回调地址须使用 https",
        )
    allowed = is_allowed_anywhere(parts.hostname, plain_http_hosts)
    if names_a_non_public_host(parts.hostname) and not allowed:
        raise refuse(
            "the callback URL may not point to a loopback, private or other non-public address",
            "回调地址不得指向本机、内网或其他非公网地址",
        )


def check_programmes(role: str, programmes: Sequence[str]) -> None:
    """A partner department follows only its own programmes, and must name them."""
    own = PARTNER_PROGRAMMES.get(role)
    if own is None:
        return
    if not programmes or not set(programmes) <= own:
        raise ProgrammeNotFollowed(
            f"role {role} may follow only {sorted(own)}; name them in programmes",
            f"本部门只能订阅 {'、'.join(sorted(own))}，请在 programmes 中列明",
            field="programmes",
            allowed_programmes=sorted(own),
        )


class WebhookSubscription(Aggregate):
    """One subscription: active until cancelled."""

    stream_prefix = "webhook-subscription"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.subscribed: WebhookSubscribed | None = None
        self.secret_id: str | None = None
        self.cancelled = False
        self.replays = 0

    @classmethod
    def subscribe(cls, event: WebhookSubscribed) -> WebhookSubscription:
        """A new subscription."""
        subscription = cls(event.subscription_id)
        subscription.record(event)
        return subscription

    def rotate_secret(self, secret_id: str, previous_until: datetime) -> None:
        """Sign with a new secret from now on; the old ones until `previous_until`."""
        self._ensure_active()
        self.record(WebhookSecretRotated(self.id, secret_id, previous_until))

    def request_replay(
        self, from_instant: datetime | None, from_delivery: int | None, count: int
    ) -> None:
        """Record that `count` deliveries were queued again."""
        self._ensure_active()
        self.record(WebhookReplayRequested(self.id, from_instant, from_delivery, count))

    def cancel(self) -> None:
        """End the subscription."""
        self._ensure_active()
        self.record(WebhookSubscriptionCancelled(self.id))

    def _ensure_active(self) -> None:
        if self.cancelled:
            raise SubscriptionCancelled(
                f"subscription {self.id} was cancelled", f"订阅 {self.id} 已取消"
            )

    @property
    def owner(self) -> str:
        """The partner client that subscribed."""
        assert self.subscribed is not None
        return self.subscribed.owner_client_id

    def when_WebhookSubscribed(self, event: WebhookSubscribed) -> None:
        self.subscribed, self.secret_id = event, event.secret_id

    def when_WebhookSecretRotated(self, event: WebhookSecretRotated) -> None:
        self.secret_id = event.secret_id

    def when_WebhookReplayRequested(self, event: WebhookReplayRequested) -> None:
        self.replays += 1

    def when_WebhookSubscriptionCancelled(self, event: WebhookSubscriptionCancelled) -> None:
        self.cancelled = True


def register_events(registry: EventRegistry) -> None:
    """Register the subscription events."""
    registry.register_all(
        WebhookSubscribed,
        WebhookSecretRotated,
        WebhookReplayRequested,
        WebhookSubscriptionCancelled,
    )
