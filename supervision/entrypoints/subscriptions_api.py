"""Webhook subscriptions (issue #18): partner systems and bureaus that cannot read Kafka get the
public events they subscribe to POSTed to them, signed the Standard Webhooks way (ADR 0036)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.clock import Clock
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Act, Answer, Command, CommandRequest, change
from shared.http.etag import etag_for
from shared.http.idempotency import StoredResponse
from shared.http.pagination import Page, encode_cursor, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, ServiceClock
from shared.ids import uuid7
from supervision.application.subscriptions import OwnSubscriptions
from supervision.application.webhooks import new_secret
from supervision.domain.subscription import (
    PARTNER_PROGRAMMES,
    WebhookSubscribed,
    WebhookSubscription,
    check_callback_url,
    check_programmes,
)
from supervision.entrypoints.wiring import Subscriptions, Webhooks
from supervision.subscription_schemas import (
    DeliveryRead,
    ReasonIn,
    ReplayIn,
    SubscriptionCreate,
    SubscriptionRead,
    SubscriptionWithSecret,
    read_of,
    with_secret,
)

router = APIRouter(prefix="/v1/subscriptions", tags=["subscriptions 事件订阅"])
SUBSCRIBER_ROLES = ("county_officer", "city_officer", "province_officer", *PARTNER_PROGRAMMES)
SUBSCRIBERS = require_roles(*SUBSCRIBER_ROLES)
STEP_ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)

_NEW_SECRET = text(
    "INSERT INTO webhook_secrets (subscription_id, secret_id, secret, created_at)"
    " VALUES (:subscription_id, :secret_id, :secret, :now)"
)
_RETIRE_SECRETS = text(
    "UPDATE webhook_secrets SET retires_at = :until"
    " WHERE subscription_id = :subscription_id AND (retires_at IS NULL OR retires_at > :until)"
)
_REPLAY = (
    "INSERT INTO webhook_deliveries (subscription_id, round, event_id, event_type, case_id,"
    " occurred_at, body, status, next_attempt_at, created_at)"
    " SELECT subscription_id, :round, event_id, event_type, case_id, occurred_at, body,"
    " 'pending', :now, :now FROM webhook_deliveries"
    " WHERE subscription_id = :subscription_id AND round = 0 AND {start} ORDER BY id"
)


async def _store_secret(
    conn: AsyncConnection, clock: Clock, subscription_id: str, secret_id: str, secret: str
) -> None:
    params = {"subscription_id": subscription_id, "secret_id": secret_id, "secret": secret}
    await conn.execute(_NEW_SECRET, {**params, "now": clock.now()})


@router.post(
    "",
    status_code=201,
    response_model=SubscriptionWithSecret,
    summary="订阅事件推送 Subscribe a webhook to public events (its signing secret shown once)",
    responses=problem_responses(400, 401, 403, 422),
)
async def subscribe_webhook(
    body: SubscriptionCreate,
    command: Command,
    subscriptions: Subscriptions,
    settings: Webhooks,
    clock: ServiceClock,
) -> JSONResponse:
    """Register the callback; deliveries start with the public events consumed from now on."""
    principal = command.principal
    check_callback_url(body.callback_url, settings.plain_http_hosts)
    for division in body.division_codes:
        ensure_jurisdiction(principal, division)
    check_programmes(principal.role, body.programmes)
    secret, secret_id = new_secret(), str(uuid7())
    subscription = WebhookSubscription.subscribe(
        WebhookSubscribed(
            subscription_id=str(uuid7()),
            callback_url=body.callback_url,
            event_types=tuple(dict.fromkeys(body.event_types)),
            division_codes=tuple(dict.fromkeys(body.division_codes)),
            programmes=tuple(dict.fromkeys(body.programmes)),
            owner_client_id=principal.client_id,
            owner_role=principal.role,
            owner_division=principal.division,
            secret_id=secret_id,
        )
    )

    async def operation(conn: AsyncConnection) -> StoredResponse:
        # the new stream and its secret (a side table) in one unit of work
        await _store_secret(conn, clock, subscription.id, secret_id, secret)
        metadata = command.metadata("订阅事件推送")
        await subscriptions.save(subscription, metadata, conn, 0)
        headers = {
            "ETag": etag_for(subscription.version),
            "Location": f"/v1/subscriptions/{subscription.id}",
        }
        return StoredResponse(201, with_secret(subscription, secret), headers)

    return await command.respond(operation)


@router.get(
    "",
    response_model=Page[SubscriptionRead],
    summary="我的订阅 Your own subscriptions (by partner client), oldest first",
    responses=problem_responses(400, 401, 403),
)
async def list_subscriptions(
    engine: Engine,
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(SUBSCRIBERS),
) -> Page[SubscriptionRead]:
    """The caller's client's subscriptions, active and cancelled."""
    query = text(
        "SELECT * FROM webhook_subscriptions WHERE owner_client_id = :owner"
        " AND subscription_id > :after ORDER BY subscription_id LIMIT :limit"
    )
    params = {
        "owner": principal.client_id,
        "after": str(cursor["id"]) if cursor else "",
        "limit": limit + 1,
    }
    async with engine.connect() as conn:
        rows = [dict(r._mapping) for r in await conn.execute(query, params)]
    items = [SubscriptionRead(**{k: row[k] for k in SubscriptionRead.model_fields}) for row in rows]
    more = len(items) > limit
    next_cursor = encode_cursor({"id": items[limit - 1].subscription_id}) if more else None
    return Page(items=items[:limit], next_cursor=next_cursor)


async def _owned(
    subscriptions: Repository[WebhookSubscription], principal: Principal, subscription_id: str
) -> WebhookSubscription:
    """The subscription, if the caller's client made it (404 otherwise: others' are unseen)."""
    return await OwnSubscriptions(subscriptions, principal.client_id).get(subscription_id)


@router.get(
    "/{subscription_id}",
    response_model=SubscriptionRead,
    summary="查阅订阅 Get one of your subscriptions (never its secret)",
    responses=problem_responses(401, 403, 404),
)
async def get_subscription(
    subscription_id: str,
    response: Response,
    subscriptions: Subscriptions,
    principal: Principal = Depends(SUBSCRIBERS),
) -> SubscriptionRead:
    """The subscription at its current version, with its ETag."""
    subscription = await _owned(subscriptions, principal, subscription_id)
    response.headers["ETag"] = etag_for(subscription.version)
    return read_of(subscription)


async def _change(
    command: CommandRequest,
    subscriptions: Repository[WebhookSubscription],
    subscription_id: str,
    reason: str,
    act: Act[WebhookSubscription],
    answer: Answer[WebhookSubscription] = read_of,
) -> JSONResponse:
    """Change the caller's own subscription at its If-Match version (428 missing, 412 stale);
    `act` runs in the append's transaction."""
    return await change(
        command,
        OwnSubscriptions(subscriptions, command.principal.client_id),
        subscription_id,
        authorise=lambda _: None,  # a client loads only its own subscriptions
        act=act,
        reason=reason,
        answer=answer,
    )


@router.post(
    "/{subscription_id}/secret-rotation",
    response_model=SubscriptionWithSecret,
    summary="更换签名密钥 Rotate the signing secret (the old one signs too for a grace period)",
    responses=STEP_ERRORS,
)
async def rotate_subscription_secret(
    subscription_id: str,
    body: ReasonIn,
    command: Command,
    subscriptions: Subscriptions,
    settings: Webhooks,
    clock: ServiceClock,
) -> JSONResponse:
    """A new secret, shown once; deliveries carry both signatures until the old one retires."""
    until = clock.now() + timedelta(seconds=settings.secret_grace_s)
    secret, secret_id = new_secret(), str(uuid7())

    async def act(subscription: WebhookSubscription, conn: AsyncConnection) -> None:
        subscription.rotate_secret(secret_id, until)
        await conn.execute(_RETIRE_SECRETS, {"subscription_id": subscription.id, "until": until})
        await _store_secret(conn, clock, subscription.id, secret_id, secret)

    return await _change(
        command,
        subscriptions,
        subscription_id,
        body.reason,
        act,
        answer=lambda subscription: with_secret(subscription, secret),
    )


@router.post(
    "/{subscription_id}/cancellation",
    response_model=SubscriptionRead,
    summary="取消订阅 Cancel the subscription: nothing more is sent",
    responses=STEP_ERRORS,
)
async def cancel_subscription(
    subscription_id: str,
    body: ReasonIn,
    command: Command,
    subscriptions: Subscriptions,
) -> JSONResponse:
    """Cancel; pending deliveries are no longer sent."""
    return await _change(
        command, subscriptions, subscription_id, body.reason, lambda s, _: s.cancel()
    )


@router.post(
    "/{subscription_id}/replay",
    response_model=SubscriptionRead,
    summary="重新推送 Replay: send again everything matched from an instant or a delivery on",
    responses=STEP_ERRORS,
)
async def replay_subscription(
    subscription_id: str,
    body: ReplayIn,
    command: Command,
    subscriptions: Subscriptions,
    clock: ServiceClock,
) -> JSONResponse:
    """Queue the matched events again, in their order, as a new round of deliveries."""

    async def act(subscription: WebhookSubscription, conn: AsyncConnection) -> None:
        start, value = (
            ("occurred_at >= :start", body.from_instant)
            if body.from_instant is not None
            else ("id >= :start", body.from_delivery_id)
        )
        params = {
            "subscription_id": subscription.id,
            "round": subscription.replays + 1,
            "now": clock.now(),
            "start": value,
        }
        queued = await conn.execute(text(_REPLAY.format(start=start)), params)
        subscription.request_replay(body.from_instant, body.from_delivery_id, queued.rowcount)

    return await _change(command, subscriptions, subscription_id, body.reason, act)


@router.get(
    "/{subscription_id}/deliveries",
    response_model=Page[DeliveryRead],
    summary="推送记录 The subscription's deliveries: status, attempts, last answer, next attempt",
    responses=problem_responses(400, 401, 403, 404),
)
async def list_subscription_deliveries(
    subscription_id: str,
    engine: Engine,
    subscriptions: Subscriptions,
    status: str | None = Query(None, pattern="^(pending|delivered|dead)$"),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(SUBSCRIBERS),
) -> Page[DeliveryRead]:
    """Deliveries in the order they were queued."""
    await _owned(subscriptions, principal, subscription_id)
    where = ["subscription_id = :id", "id > :after"] + (["status = :status"] if status else [])
    query = text(
        f"SELECT * FROM webhook_deliveries WHERE {' AND '.join(where)} ORDER BY id LIMIT :limit"
    )
    after = cursor.get("id") if cursor else 0
    params = {
        "id": subscription_id,
        "after": after if isinstance(after, int) else 0,
        "status": status,
        "limit": limit + 1,
    }
    async with engine.connect() as conn:
        rows = [dict(r._mapping) for r in await conn.execute(query, params)]
    items = [_delivery(row) for row in rows]
    more = len(items) > limit
    next_cursor = encode_cursor({"id": items[limit - 1].delivery_id}) if more else None
    return Page(items=items[:limit], next_cursor=next_cursor)


def _delivery(row: dict[str, Any]) -> DeliveryRead:
    fields = {k: row[k] for k in DeliveryRead.model_fields if k in row and k != "event_id"}
    return DeliveryRead(**fields, delivery_id=row["id"], event_id=str(row["event_id"]))
