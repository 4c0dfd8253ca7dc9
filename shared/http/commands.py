"""The one command pipeline of every state-changing route (issue #17, ADR 0047).

A route takes `command: Command`: the request, who asks (the verified token) and the
Idempotency-Key. The route then answers through one of three steps, each of which runs in one
unit of work that the Idempotency-Key makes idempotent:

- `create`: a new aggregate's first events, at version 0. The answer is 201 with its ETag and
  Location.
- `change`: load the aggregate, `authorise` the caller on it (jurisdiction, level), check
  If-Match, `act`, append at that version. If-Match is **required** on every change to an
  existing stream (428 without it, 412 when stale, checked before any rule runs). The answer is
  200 with the new ETag.
- `create_or_change`: the same for a resource that a PUT may create (If-Match once it exists,
  none before).

The route's role is checked first, by the service's access table (ADR 0027). A command that
writes to several aggregates, or only to a read model, runs its own unit of work through
`command.respond(operation)`, the same idempotent answer underneath.

    @router.post("/{complaint_id}/assignment", ...)
    async def assign_complaint(complaint_id: str, body: Assign, command: Command,
                               complaints: Complaints) -> JSONResponse:
        return await change(command, complaints, complaint_id, reason=body.reason,
                            authorise=in_jurisdiction(command, lambda c: c.division_code),
                            act=lambda complaint, _: complaint.assign(body.officer),
                            answer=complaint_read)
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, Protocol, TypeVar

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.domain.aggregate import Aggregate
from shared.domain.errors import ConcurrencyConflict
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.etag import (
    PreconditionRequired,
    etag_for,
    expected_version_from_if_match,
    precondition_failed_from,
)
from shared.http.idempotency import (
    DriverOperation,
    Operation,
    StoredResponse,
    idempotency_key,
    respond_idempotently,
    respond_idempotently_on_driver,
)
from shared.http.tokens import Principal
from shared.logging import correlation_id_var

A = TypeVar("A", bound=Aggregate)


class Aggregates(Protocol[A]):
    """Where a command loads and appends one kind of aggregate (a `Repository` is one)."""

    async def find(self, aggregate_id: str, conn: Any = None) -> A | None: ...

    async def get(self, aggregate_id: str, conn: Any = None) -> A: ...

    async def save(
        self,
        instance: A,
        metadata: EventMetadata,
        conn: Any,
        expected_version: int | None = None,
    ) -> list[RecordedEvent]: ...


Authorise = Callable[[A], None]
"""Raises when the caller may not act on this aggregate (jurisdiction, level of government)."""
Act = Callable[[A, AsyncConnection], object]
"""The domain step: calls the aggregate's command (may be async, may read in the unit of work)."""
Answer = Callable[[A], BaseModel | dict[str, Any]]
"""The body of the answer, from the aggregate as it stands after the step."""
CaseOf = Callable[[A], str | None]
"""The case the step's events belong to (None: none, e.g. a county's funds)."""


def no_case(aggregate: object) -> None:
    """`case_of` for aggregates that belong to no case: their events name none."""
    return None


def request_metadata(
    principal: Principal, reason: str, case_id: str | None = None
) -> EventMetadata:
    """Who, how and why for an event caused by an HTTP request (correlation id of the request)."""
    return EventMetadata(
        actor=Actor(principal.subject, principal.role, principal.org, principal.division),
        channel=f"api:{principal.client_id}",
        reason=reason,
        correlation_id=correlation_id_var.get() or None,
        case_id=case_id,
    )


def ensure_current(stream_id: str, expected: int | None, actual: int) -> None:
    """412 `precondition-failed` before any rule runs when If-Match names a stale version."""
    if expected != actual:
        raise precondition_failed_from(ConcurrencyConflict(stream_id, expected, actual))


@dataclass(frozen=True)
class CommandRequest:
    """A state-changing request as its route received it: the request, who asks, its key."""

    request: Request
    principal: Principal
    key: str

    def metadata(self, reason: str, case_id: str | None = None) -> EventMetadata:
        """Who, how and why, for the events this command appends."""
        return request_metadata(self.principal, reason, case_id)

    def expected_version(self) -> int:
        """The version If-Match names (428 without it)."""
        expected = expected_version_from_if_match(self.request)
        assert expected is not None
        return expected

    async def respond(self, operation: Operation) -> JSONResponse:
        """Run the unit of work once per Idempotency-Key; a repeat gets the first answer."""
        return await respond_idempotently(
            self.request, client_id=self.principal.client_id, key=self.key, operation=operation
        )

    async def respond_on_driver(self, operation: DriverOperation) -> JSONResponse:
        """`respond` for a hot command whose unit of work runs on the driver (ADR 0012)."""
        return await respond_idempotently_on_driver(
            self.request, client_id=self.principal.client_id, key=self.key, operation=operation
        )


async def _command_request(
    request: Request,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> CommandRequest:
    return CommandRequest(request, principal, key)


Command = Annotated[CommandRequest, Depends(_command_request)]


def in_jurisdiction(command: CommandRequest, division_of: Callable[[A], str]) -> Authorise[A]:
    """The common authorisation: the aggregate's division lies in the caller's jurisdiction."""
    return lambda aggregate: ensure_jurisdiction(command.principal, division_of(aggregate))


async def create(
    command: CommandRequest,
    aggregates: Aggregates[A],
    aggregate: A,
    *,
    reason: str,
    answer: Answer[A],
    location: str | None,
    case_id: str | None = None,
) -> JSONResponse:
    """Append a new aggregate's first events (version 0 expected): 201 with ETag and Location
    (None: a resource with no URL of its own)."""

    async def operation(conn: AsyncConnection) -> StoredResponse:
        metadata = command.metadata(reason, case_id or aggregate.id)
        await aggregates.save(aggregate, metadata, conn, 0)
        headers = {"ETag": etag_for(aggregate.version)}
        if location is not None:
            headers["Location"] = location
        return StoredResponse(201, _body(answer(aggregate)), headers)

    return await command.respond(operation)


async def change(
    command: CommandRequest,
    aggregates: Aggregates[A],
    aggregate_id: str,
    *,
    authorise: Authorise[A],
    act: Act[A],
    reason: str,
    answer: Answer[A],
    case_of: CaseOf[A] | None = None,
    status: int = 200,
    location: str | None = None,
) -> JSONResponse:
    """Load, authorise, check If-Match (428 missing, 412 stale), act, append: 200 with ETag.

    `case_of` names the case the new events belong to when it is not the aggregate itself (a
    corrective action belongs to the case it corrects; None: no case at all). `status` and
    `location`: a POST that records a new fact may answer 201 with where it is."""
    expected = command.expected_version()
    step = _Step(command, aggregates, authorise, act, reason, answer, case_of, status, location)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        return await step.apply(await aggregates.get(aggregate_id, conn), expected, conn)

    return await command.respond(operation)


async def create_or_change(
    command: CommandRequest,
    aggregates: Aggregates[A],
    aggregate_id: str,
    *,
    new: Callable[[], A],
    authorise: Authorise[A],
    act: Act[A],
    reason: str,
    answer: Answer[A],
    case_of: CaseOf[A] | None = None,
    status: int = 200,
    location: str | None = None,
) -> JSONResponse:
    """A PUT: the aggregate as it is (or `new()`, at version 0), then as `change`. If-Match is
    required once the stream exists (428) and refused as stale before (412); 200 with ETag
    (`case_of`, `status`, `location` as for `change`)."""
    named = expected_version_from_if_match(command.request, required=False)
    step = _Step(command, aggregates, authorise, act, reason, answer, case_of, status, location)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        aggregate = await aggregates.find(aggregate_id, conn) or new()
        if named is None and aggregate.version > 0:
            raise PreconditionRequired(
                f"{aggregate.stream_id} exists at version {aggregate.version}: send If-Match:"
                f' "{aggregate.version}"',
                f"该资源已存在（版本 {aggregate.version}），请在 If-Match 中提供"
                f' "{aggregate.version}"',
                current_etag=etag_for(aggregate.version),
            )
        return await step.apply(aggregate, aggregate.version if named is None else named, conn)

    return await command.respond(operation)


@dataclass(frozen=True)
class _Step(Generic[A]):
    """What `change` and `create_or_change` do to the aggregate once it is loaded."""

    command: CommandRequest
    aggregates: Aggregates[A]
    authorise: Authorise[A]
    act: Act[A]
    reason: str
    answer: Answer[A]
    case_of: CaseOf[A] | None = None
    status: int = 200
    location: str | None = None

    async def apply(self, aggregate: A, expected: int, conn: AsyncConnection) -> StoredResponse:
        """Authorise, check the version, act, append at `expected`; answer with the new ETag."""
        self.authorise(aggregate)
        ensure_current(aggregate.stream_id, expected, aggregate.version)
        done = self.act(aggregate, conn)
        if inspect.isawaitable(done):
            await done
        case_id = self.case_of(aggregate) if self.case_of else aggregate.id
        try:
            await self.aggregates.save(
                aggregate, self.command.metadata(self.reason, case_id), conn, expected
            )
        except ConcurrencyConflict as conflict:
            raise precondition_failed_from(conflict) from None
        headers = {"ETag": etag_for(aggregate.version)}
        if self.location is not None:
            headers["Location"] = self.location
        return StoredResponse(self.status, _body(self.answer(aggregate)), headers)


def _body(answer: BaseModel | dict[str, Any]) -> Any:
    return answer.model_dump(mode="json") if isinstance(answer, BaseModel) else answer
