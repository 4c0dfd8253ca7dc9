"""What the care register's routes share (VER-10): who reads it, and the one way a command
changes a child or a screening (load → level → If-Match → act → save)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.domain.errors import ConcurrencyConflict
from shared.http.auth import require_roles
from shared.http.commands import request_metadata
from shared.http.etag import etag_for, expected_version_from_if_match, precondition_failed_from
from shared.http.idempotency import StoredResponse, respond_idempotently
from shared.http.tokens import Principal
from verification.application.care_register import CareRegister
from verification.domain.children import Child
from verification.domain.inclusion import InclusionScreening
from verification.entrypoints.common import check_version, ensure_level

# Children's data and disability details are read by the civil-affairs officers who act on them
# only: not inspectors, auditors, partner agencies, banks, charities or village committees
# (ADR 0030).
REGISTER_READERS = ("township_officer", "county_officer", "city_officer", "province_officer")
READ_REGISTER = require_roles(*REGISTER_READERS)

Item = TypeVar("Item", Child, InclusionScreening)


def division_of(item: Child | InclusionScreening) -> str:
    """Where the child or the screened person lives."""
    if isinstance(item, Child):
        assert item.registered is not None
        return item.registered.division_code
    assert item.screened is not None
    return item.screened.division_code


async def change(
    request: Request,
    register: CareRegister,
    principal: Principal,
    key: str,
    *,
    load: Callable[[AsyncConnection], Awaitable[Item]],
    level: str,
    act: Callable[[Item], None],
    reason: str,
    view: Callable[[Item], BaseModel],
) -> JSONResponse:
    """Load the item, check the level of government and If-Match, act, save; idempotent by
    key; the answer is the item's view with its new ETag."""
    expected = expected_version_from_if_match(request)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        item = await load(conn)
        ensure_level(principal, level, division_of(item))
        check_version(expected, item.version)
        act(item)
        try:
            await register.save(item, request_metadata(principal, reason, item.id), conn)
        except ConcurrencyConflict as conflict:
            raise precondition_failed_from(conflict) from None
        body = view(item).model_dump(mode="json")
        return StoredResponse(200, body, {"ETag": etag_for(item.version)})

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
    )
