"""The shape every state-changing route of supervision shares: idempotent, If-Match, metadata."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.domain.aggregate import Aggregate
from shared.domain.errors import ConcurrencyConflict
from shared.http.auth import ensure_jurisdiction
from shared.http.commands import ensure_current, request_metadata
from shared.http.etag import etag_for, expected_version_from_if_match, precondition_failed_from
from shared.http.idempotency import StoredResponse, respond_idempotently
from shared.http.tokens import Principal

A = TypeVar("A", bound=Aggregate)


async def create(
    request: Request,
    principal: Principal,
    key: str,
    repository: Repository[A],
    aggregate: A,
    reason: str,
    read: Callable[[A], dict[str, Any]],
    location: str,
) -> JSONResponse:
    """Append a new aggregate's first events (version 0 expected); 201 with its ETag."""

    async def operation(conn: AsyncConnection) -> StoredResponse:
        await repository.save(aggregate, request_metadata(principal, reason, aggregate.id), conn, 0)
        headers = {"ETag": etag_for(aggregate.version), "Location": location}
        return StoredResponse(201, read(aggregate), headers)

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
    )


async def change(
    request: Request,
    principal: Principal,
    key: str,
    repository: Repository[A],
    aggregate_id: str,
    division_of: Callable[[A], str],
    step: Callable[[A], None],
    reason: str,
    read: Callable[[A], dict[str, Any]],
    case_of: Callable[[A], str] | None = None,
) -> JSONResponse:
    """Load at the If-Match version (428 missing, 412 stale), run the step, append; 200.

    `case_of` names the case the new events belong to when it is not the aggregate itself
    (a corrective action belongs to the case it corrects).
    """
    expected = expected_version_from_if_match(request)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        aggregate = await repository.get(aggregate_id, conn)
        ensure_jurisdiction(principal, division_of(aggregate))
        ensure_current(aggregate.stream_id, expected, aggregate.version)
        step(aggregate)
        case_id = case_of(aggregate) if case_of else aggregate.id
        metadata = replace(request_metadata(principal, reason), case_id=case_id)
        try:
            await repository.save(aggregate, metadata, conn, expected)
        except ConcurrencyConflict as conflict:
            raise precondition_failed_from(conflict) from None
        return StoredResponse(200, read(aggregate), {"ETag": etag_for(aggregate.version)})

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
    )
