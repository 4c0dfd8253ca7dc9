"""Aggregates saved and loaded through a Repository over the in-memory event store (ADR 0045).

For unit tests that need a round trip through the store (events serialised by the registry,
hash-chained, read back as PostgreSQL gives them) or its optimistic concurrency, at memory speed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from shared.application.repository import Repository
from shared.clock import CHINA, Clock, ManualClock
from shared.domain.aggregate import Aggregate
from shared.eventstore import Actor, EventMetadata, EventRegistry
from shared.eventstore.memory import InMemoryEventStore

A = TypeVar("A", bound=Aggregate)
Registrar = Callable[[EventRegistry], None]

PINNED = datetime(2027, 3, 10, 9, 30, tzinfo=CHINA)  # the instant unit tests' stores record at


def registry_of(*registrars: Registrar) -> EventRegistry:
    """A registry with the events each `register_events` function registers."""
    registry = EventRegistry()
    for register in registrars:
        register(registry)
    return registry


def in_memory(
    aggregate: type[A], *registrars: Registrar, clock: Clock | None = None
) -> Repository[A, InMemoryEventStore]:
    """A repository of `aggregate` over a fresh in-memory store on a pinned clock."""
    store = InMemoryEventStore(clock=clock or ManualClock(PINNED))
    return Repository(store, registry_of(*registrars), aggregate)


def staff(reason: str, division: str = "620105", role: str = "inspector") -> EventMetadata:
    """The metadata of a decision by a member of staff: who, how and why."""
    actor = Actor(id="staff-wang", role=role, org="安宁区民政局", division=division)
    return EventMetadata(actor=actor, channel="api:test-client", reason=reason)
