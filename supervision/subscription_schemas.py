"""Request and response models of the webhook subscriptions API (issue #18)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from shared.contracts import Contract, intake, payments, supervision, verification
from shared.fields import Text
from shared.identity import DivisionCodeStr
from supervision.domain.subscription import CALLBACK_URL_PATTERN, WebhookSubscription


def _published_types() -> list[str]:
    """Every event type the four services publish (their contracts), sorted."""
    modules = (intake, verification, payments, supervision)
    return sorted(
        c.TYPE
        for m in modules
        for c in vars(m).values()
        if isinstance(c, type) and issubclass(c, Contract) and c.__module__ == m.__name__
    )


PUBLISHED_TYPES = _published_types()


def _published(value: str) -> str:
    if value not in PUBLISHED_TYPES:
        raise ValueError("not an event type the services publish (the schema lists them)")
    return value


EventType = Annotated[
    str, Field(json_schema_extra={"enum": PUBLISHED_TYPES}), AfterValidator(_published)
]
Programme = Annotated[str, Field(pattern=r"^[a-z][a-z_]{1,39}$")]


class SubscriptionCreate(BaseModel):
    """A webhook: where to POST, and which public events (types, places, programmes)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "callback_url": "https://mzj.lanzhou.gov.cn/safetynet/webhooks",
                    "event_types": ["verification.CaseApproved", "verification.NoticePublished"],
                    "division_codes": ["620102"],
                    "programmes": ["urban_dibao", "rural_dibao"],
                }
            ]
        },
    )
    callback_url: str = Field(
        min_length=9,
        max_length=2000,
        description="https URL (plain http only to the hosts the deployment allows); a space or"
        " other character outside RFC 3986 is percent-encoded",
        json_schema_extra={"pattern": CALLBACK_URL_PATTERN},
    )
    event_types: list[EventType] = Field(min_length=1, max_length=50)
    division_codes: list[DivisionCodeStr] = Field(
        min_length=1,
        max_length=50,
        description="a county or city code covers every township and village below it",
    )
    programmes: list[Programme] = Field(
        default_factory=list, max_length=20, description="empty: every programme"
    )


class ReasonIn(BaseModel):
    """Why: every change of a subscription records its reason."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"reason": "回调系统迁移，密钥定期更换"}]}
    )
    reason: Text = Field(min_length=1, max_length=500)


class ReplayIn(BaseModel):
    """Send again everything matched from an instant (events that occurred then or later), or
    from one delivery on (that delivery and every later one); exactly one of the two."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "from_instant": "2027-03-01T00:00:00+08:00",
                    "reason": "接收系统数据恢复后重新同步",
                }
            ],
            "oneOf": [{"required": ["from_instant"]}, {"required": ["from_delivery_id"]}],
        },
    )
    from_instant: AwareDatetime | SkipJsonSchema[None] = None
    from_delivery_id: Annotated[int, Field(ge=1, le=2**62)] | SkipJsonSchema[None] = None
    reason: Text = Field(min_length=1, max_length=500)

    @field_validator("from_instant", "from_delivery_id", mode="before")
    @classmethod
    def _not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("leave it out rather than null")
        return value

    @model_validator(mode="after")
    def _exactly_one_start(self) -> ReplayIn:
        if (self.from_instant is None) == (self.from_delivery_id is None):
            raise ValueError("give exactly one of from_instant and from_delivery_id")
        return self


class SubscriptionRead(BaseModel):
    """A subscription as its owner sees it (never its secret)."""

    subscription_id: str
    callback_url: str
    event_types: list[str]
    division_codes: list[str]
    programmes: list[str]
    status: str  # active | cancelled
    owner_client_id: str
    owner_role: str
    owner_division: str
    version: int


class SubscriptionWithSecret(SubscriptionRead):
    """A subscription with its new signing secret, shown this once only."""

    secret: str = Field(description="whsec_…: verify each delivery's webhook-signature with it")


class DeliveryRead(BaseModel):
    """One delivery of one event to the subscription."""

    delivery_id: int
    event_id: str
    event_type: str
    case_id: str
    round: int  # 0: the first delivery; n: the n-th replay
    status: str  # pending | delivered | dead
    attempts: int
    last_status_code: int | None
    last_error: str | None
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    occurred_at: datetime
    created_at: datetime


def read_of(subscription: WebhookSubscription) -> SubscriptionRead:
    """The owner's view of a subscription."""
    subscribed = subscription.subscribed
    assert subscribed is not None
    return SubscriptionRead(
        subscription_id=subscription.id,
        callback_url=subscribed.callback_url,
        event_types=list(subscribed.event_types),
        division_codes=list(subscribed.division_codes),
        programmes=list(subscribed.programmes),
        status="cancelled" if subscription.cancelled else "active",
        owner_client_id=subscribed.owner_client_id,
        owner_role=subscribed.owner_role,
        owner_division=subscribed.owner_division,
        version=subscription.version,
    )


def with_secret(subscription: WebhookSubscription, secret: str) -> dict[str, Any]:
    """The answer that shows a new secret: the subscription and the secret, once."""
    read = read_of(subscription).model_dump(mode="json")
    return SubscriptionWithSecret(**read, secret=secret).model_dump(mode="json")
