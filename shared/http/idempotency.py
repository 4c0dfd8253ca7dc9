"""Idempotent POSTs (GEN-8): the key, the effect and the stored response commit together.

`run_idempotent` claims `(client_id, key)` with an insert in the same transaction as the
operation. A concurrent duplicate blocks on the primary key until the first transaction ends:
after a commit it finds the stored response and replays it; after a rollback its own insert
succeeds and it runs the operation itself. A failed operation therefore leaves no key behind.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, NamedTuple

import asyncpg
from fastapi import Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.canonical import canonical_json
from shared.db import driver_in_transaction, driver_transaction
from shared.domain.errors import DomainError
from shared.jsontext import parse_json

MAX_KEY_LENGTH = 200
REPLAYED_HEADER = "Idempotent-Replayed"


class StoredResponse(NamedTuple):
    """What an idempotent operation answered: status, JSON body and headers."""

    status_code: int
    body: Any
    headers: dict[str, str]
    body_json: str | None = None  # the body already rendered as JSON (stored or canonical)


Operation = Callable[[AsyncConnection], Awaitable[StoredResponse]]
DriverOperation = Callable[[asyncpg.Connection], Awaitable[StoredResponse]]


class IdempotencyKeyReused(DomainError):
    """The key was already used for a different request."""

    code = "idempotency-key-reused"
    status = 422
    title_en = "Idempotency key already used for another request"
    title_zh = "幂等键已用于其他请求"


KEY_FIELD = "header.idempotency-key"  # as a problem names the header


class IdempotencyKeyRequired(DomainError):
    """A POST came without an `Idempotency-Key` header."""

    code = "idempotency-key-required"
    status = 400
    title_en = "Idempotency-Key header required"
    title_zh = "缺少 Idempotency-Key 请求头"


class InvalidIdempotencyKey(DomainError):
    """The `Idempotency-Key` header is too long or not printable ASCII."""

    code = "invalid-idempotency-key"
    status = 400
    title_en = "Invalid Idempotency-Key header"
    title_zh = "Idempotency-Key 请求头无效"


def fingerprint_of(method: str, path: str, body: bytes) -> str:
    """SHA-256 of method, path and body (JSON canonicalised: key order and spacing do not count)."""
    try:
        payload = canonical_json(parse_json(body)).encode() if body else b""
    except ValueError:  # UnicodeDecodeError is one
        payload = body
    return hashlib.sha256(
        method.upper().encode() + b"\n" + path.encode() + b"\n" + payload
    ).hexdigest()


_CLAIM = """
INSERT INTO idempotency_keys (client_id, key, fingerprint) VALUES ($1, $2, $3)
ON CONFLICT DO NOTHING RETURNING key
"""
_ANSWER = """
UPDATE idempotency_keys SET status_code = $3, response_body = $4::jsonb,
    response_headers = $5::jsonb
WHERE client_id = $1 AND key = $2
"""
_STORED = """
SELECT fingerprint, status_code, response_body::text, response_headers::text
FROM idempotency_keys WHERE client_id = $1 AND key = $2
"""


async def run_idempotent(
    engine: AsyncEngine, *, client_id: str, key: str, fingerprint: str, operation: Operation
) -> StoredResponse:
    """Run `operation` once per (client, key); replay its stored response on a repeat."""
    async with engine.begin() as conn:
        raw = await driver_in_transaction(conn)
        return await _once(raw, client_id, key, fingerprint, lambda: operation(conn))


async def run_idempotent_on_driver(
    engine: AsyncEngine, *, client_id: str, key: str, fingerprint: str, operation: DriverOperation
) -> StoredResponse:
    """`run_idempotent` with the whole unit of work on the driver (ADR 0012: hot commands)."""
    async with driver_transaction(engine) as raw:
        return await _once(raw, client_id, key, fingerprint, lambda: operation(raw))


async def _once(
    raw: asyncpg.Connection,
    client_id: str,
    key: str,
    fingerprint: str,
    operate: Callable[[], Awaitable[StoredResponse]],
) -> StoredResponse:
    if await raw.fetchval(_CLAIM, client_id, key, fingerprint) is None:
        return await _replay(raw, client_id, key, fingerprint)
    answered = await operate()
    body, body_json = _json_ready(answered.body)
    response = StoredResponse(answered.status_code, body, dict(answered.headers), body_json)
    await raw.execute(
        _ANSWER, client_id, key, response.status_code, body_json, canonical_json(response.headers)
    )
    return response


def _json_ready(body: Any) -> tuple[Any, str]:
    """The body as plain JSON values and as canonical text (encoding dates, ids… if needed)."""
    try:
        return body, canonical_json(body)
    except TypeError:  # not plain JSON values yet: a date, a UUID, a model
        plain = jsonable_encoder(body)
        return plain, canonical_json(plain)


async def _replay(
    raw: asyncpg.Connection, client_id: str, key: str, fingerprint: str
) -> StoredResponse:
    row = await raw.fetchrow(_STORED, client_id, key)
    assert row is not None, "the key's row exists: our claim conflicted with it"
    if row["fingerprint"] != fingerprint:
        raise IdempotencyKeyReused(
            f"idempotency key {key!r} was already used with a different request",
            f"幂等键“{key}”已用于内容不同的请求",
            idempotency_key=key,
        )
    if row["status_code"] is None:  # only if a writer stored the key without an answer
        raise IdempotencyKeyReused(
            f"idempotency key {key!r} has no stored answer", f"幂等键“{key}”没有已保存的响应"
        )
    headers = {**_json(row["response_headers"]), REPLAYED_HEADER: "true"}
    body_json = row["response_body"]
    return StoredResponse(row["status_code"], _json(body_json), headers, body_json)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


async def idempotency_key(
    idempotency_key: str | None = Header(
        default=None,
        alias="Idempotency-Key",
        description="Unique per request (a UUID); a repeat with the same body replays the answer.",
    ),
) -> str:
    """The request's Idempotency-Key: 400 when missing, too long or not printable ASCII."""
    if not idempotency_key:
        raise IdempotencyKeyRequired(
            "every POST needs an Idempotency-Key header (a UUID works)",
            "每个 POST 请求都必须带 Idempotency-Key 请求头（可使用 UUID）",
            field=KEY_FIELD,
        )
    if len(idempotency_key) > MAX_KEY_LENGTH or not all(" " <= c <= "~" for c in idempotency_key):
        raise InvalidIdempotencyKey(
            f"an Idempotency-Key is 1 to {MAX_KEY_LENGTH} printable ASCII characters",
            f"Idempotency-Key 应为1至{MAX_KEY_LENGTH}个可打印 ASCII 字符",
            field=KEY_FIELD,
        )
    return idempotency_key


class RenderedJSONResponse(JSONResponse):
    """A JSON response whose content is JSON text rendered already (stored, or canonical)."""

    def render(self, content: Any) -> bytes:
        """The text as is: encoding it again would cost a second JSON rendering."""
        return str(content).encode()


def to_response(stored: StoredResponse) -> JSONResponse:
    """The HTTP response for a stored (or fresh) idempotent answer."""
    if stored.body_json is not None:
        return RenderedJSONResponse(
            stored.body_json, status_code=stored.status_code, headers=stored.headers
        )
    return JSONResponse(stored.body, status_code=stored.status_code, headers=stored.headers)


async def respond_idempotently(
    request: Request, *, client_id: str, key: str, operation: Operation
) -> JSONResponse:
    """Fingerprint the request, run the operation idempotently on `app.state.engine`, respond."""
    return await _respond(request, partial(run_idempotent, operation=operation), client_id, key)


async def respond_idempotently_on_driver(
    request: Request, *, client_id: str, key: str, operation: DriverOperation
) -> JSONResponse:
    """`respond_idempotently` for a hot command whose unit of work runs on the driver."""
    runner = partial(run_idempotent_on_driver, operation=operation)
    return await _respond(request, runner, client_id, key)


async def _respond(
    request: Request, runner: Callable[..., Awaitable[StoredResponse]], client_id: str, key: str
) -> JSONResponse:
    fingerprint = fingerprint_of(request.method, request.url.path, await request.body())
    stored = await runner(
        request.app.state.engine, client_id=client_id, key=key, fingerprint=fingerprint
    )
    return to_response(stored)
