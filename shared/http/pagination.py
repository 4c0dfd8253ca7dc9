"""Cursor pagination: opaque cursors and a page model.

A cursor is the URL-safe base64 of the position's canonical JSON, a dot, and a MAC over the
list's path and that JSON (HMAC-SHA256 under the app's cursor key, 128 bits). A cursor this API
did not hand out for this very list, forged, edited or taken from another list, is a 400
`invalid-cursor` naming `query.cursor`: a route reads only positions it wrote itself."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from starlette.types import ASGIApp, Receive, Scope, Send

from shared.canonical import canonical_json
from shared.domain.errors import DomainError

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class InvalidCursor(DomainError):
    """A `cursor` that this API did not hand out."""

    code = "invalid-cursor"
    status = 400
    title_en = "Invalid cursor"
    title_zh = "分页游标无效"


class Page(BaseModel, Generic[T]):
    """One page of results; `next_cursor` is null on the last page."""

    items: list[T]
    next_cursor: str | None = None


_LIST: ContextVar[tuple[bytes, str] | None] = ContextVar("cursor_list", default=None)
_MAC_BYTES = 16


@contextmanager
def cursor_list(key: bytes, path: str) -> Iterator[None]:
    """Cursors made and read inside are those of the list at `path`, signed with `key`."""
    token = _LIST.set((key, path))
    try:
        yield
    finally:
        _LIST.reset(token)


class CursorListMiddleware:
    """Each request's cursors belong to its path, under the app's cursor key."""

    def __init__(self, app: ASGIApp, key: bytes | None = None) -> None:
        self.app = app
        self.key = hmac.new(key or secrets.token_bytes(32), b"cursor", hashlib.sha256).digest()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with cursor_list(self.key, scope["path"]):
            await self.app(scope, receive, send)


def encode_cursor(position: dict[str, Any]) -> str:
    """An opaque cursor for a position in the current list."""
    raw = canonical_json(position).encode()
    return f"{_b64(raw)}.{_b64(_mac(raw))}"


def decode_cursor(cursor: str) -> dict[str, Any]:
    """The position inside a cursor; 400 `invalid-cursor` for anything not made by
    encode_cursor for the current list."""
    payload, _, mac = cursor.partition(".")
    try:
        raw = _unb64(payload)
        valid = hmac.compare_digest(_unb64(mac), _mac(raw))
        value = json.loads(raw) if valid else None
    except (binascii.Error, ValueError, UnicodeDecodeError):
        value = None
    if not isinstance(value, dict):
        raise InvalidCursor(
            "the cursor is not one this API handed out for this list; start again without it",
            "分页游标无效，请不带游标重新查询",
            field="query.cursor",
        )
    return value


def _mac(raw: bytes) -> bytes:
    scope = _LIST.get()
    if scope is None:
        raise RuntimeError("cursors are made and read inside a list (cursor_list)")
    key, path = scope
    return hmac.new(key, path.encode() + b"\n" + raw, hashlib.sha256).digest()[:_MAC_BYTES]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


async def page_limit(
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page (1–200)."),
) -> int:
    """The `limit` query parameter: 1 to 200, default 50."""
    return limit


async def page_cursor(
    cursor: str | None = Query(None, description="The next_cursor of the previous page."),
) -> dict[str, Any] | None:
    """The decoded `cursor` query parameter, or None for the first page."""
    return decode_cursor(cursor) if cursor else None
