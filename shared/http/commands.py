"""What every state-changing route shares: who/how/why of the request, and the If-Match check."""

from __future__ import annotations

from shared.domain.errors import ConcurrencyConflict
from shared.eventstore.envelope import Actor, EventMetadata
from shared.http.etag import precondition_failed_from
from shared.http.tokens import Principal
from shared.logging import correlation_id_var


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
