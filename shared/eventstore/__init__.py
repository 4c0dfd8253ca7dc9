"""The event-sourcing kernel: envelope, hash chain, type registry and the PostgreSQL event store."""

from shared.eventstore.envelope import Actor, EventMetadata, NewEvent, RecordedEvent
from shared.eventstore.registry import EventRegistry, event_type
from shared.eventstore.store import EventStore, StreamAppend, StreamVerification

__all__ = [
    "Actor",
    "EventMetadata",
    "EventRegistry",
    "EventStore",
    "NewEvent",
    "RecordedEvent",
    "StreamAppend",
    "StreamVerification",
    "event_type",
]
