"""Cursor pagination: opaque cursors (URL-safe base64 of canonical JSON) and a page model."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

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


def encode_cursor(position: dict[str, Any]) -> str:
    """An opaque cursor for a position (unpadded URL-safe base64 of canonical JSON)."""
    raw = canonical_json(position).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode_cursor(cursor: str) -> dict[str, Any]:
    """The position inside a cursor; 400 `invalid-cursor` for anything not made by encode_cursor."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        value = None
    if not isinstance(value, dict):
        raise InvalidCursor(
            "the cursor is not one this API handed out; start again without it",
            "分页游标无效，请不带游标重新查询",
            field="query.cursor",
        )
    return value


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
