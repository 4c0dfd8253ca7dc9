"""The event envelope of DESIGN.md: who, when, how, why, and the links between events."""

from __future__ import annotations

import uuid
from dataclasses import MISSING, dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple

from shared.canonical import canonical_json, canonical_optional
from shared.ids import uuid7


@dataclass(frozen=True)
class Actor:
    """Who did it: a person or partner client, with role, organisation and division code."""

    id: str
    role: str
    org: str
    division: str

    @classmethod
    def system(cls, service: str) -> Actor:
        """The service itself, acting on an event it consumed or a deadline it watched."""
        return cls(id=f"system:{service}", role="system", org=service, division="62")


@dataclass(frozen=True)
class EventMetadata:
    """How and why an event came to be; every decision carries its reason."""

    actor: Actor
    channel: str
    reason: str | None = None
    correlation_id: str | None = None
    causation_id: str | None = None
    case_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form, as stored and hashed (written out: `asdict` is slow)."""
        actor = self.actor
        return {
            "actor": {
                "id": actor.id,
                "role": actor.role,
                "org": actor.org,
                "division": actor.division,
            },
            "channel": self.channel,
            "reason": self.reason,
            "correlation_id": self.correlation_id,
            "causation_id": self.causation_id,
            "case_id": self.case_id,
        }

    def canonical_text(self) -> str:
        """`canonical_json(self.to_dict())`, assembled field by field (keys in sorted order): it
        is hashed and stored with every event appended."""
        texts = (self.case_id, self.causation_id, self.channel, self.correlation_id, self.reason)
        if not all(t is None or type(t) is str for t in texts):
            return canonical_json(self.to_dict())  # not what the fields declare: the slow way
        return "".join(
            (
                '{"actor":',
                _actor_text(self.actor),
                ',"case_id":',
                canonical_optional(self.case_id),
                ',"causation_id":',
                canonical_optional(self.causation_id),
                ',"channel":',
                canonical_optional(self.channel),
                ',"correlation_id":',
                canonical_optional(self.correlation_id),
                ',"reason":',
                canonical_optional(self.reason),
                "}",
            )
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventMetadata:
        """Read back the stored form (on every event read, so built without `__init__`)."""
        if not data.keys() <= _METADATA_FIELDS or "actor" not in data or "channel" not in data:
            raise TypeError(f"not event metadata: {sorted(data)}")
        metadata = object.__new__(cls)
        # a frozen dataclass refuses setattr, not its instance dictionary: same fields as __init__
        metadata.__dict__.update(_METADATA_DEFAULTS, **data)
        metadata.__dict__["actor"] = _actor(**data["actor"])
        return metadata

    def caused_by(
        self, event: RecordedEvent, actor: Actor, channel: str, reason: str
    ) -> EventMetadata:
        """Metadata for an event that reacts to `event`: same correlation and case, caused by it."""
        return EventMetadata(
            actor=actor,
            channel=channel,
            reason=reason,
            correlation_id=event.metadata.correlation_id or str(event.event_id),
            causation_id=str(event.event_id),
            case_id=event.metadata.case_id,
        )


_METADATA_FIELDS = frozenset(EventMetadata.__dataclass_fields__)
_METADATA_DEFAULTS: dict[str, Any] = {
    name: f.default
    for name, f in EventMetadata.__dataclass_fields__.items()
    if f.default is not MISSING
}


@lru_cache(maxsize=4096)
def _actor_text(actor: Actor) -> str:
    """An actor's canonical JSON (actors repeat: the service itself, a clerk, the bank)."""
    return canonical_json(
        {"id": actor.id, "role": actor.role, "org": actor.org, "division": actor.division}
    )


@lru_cache(maxsize=4096)
def _actor(id: str, role: str, org: str, division: str) -> Actor:  # field name
    """Actors repeat (the service itself, a clerk, the bank): one instance each."""
    return Actor(id, role, org, division)


@dataclass(frozen=True)
class NewEvent:
    """An event about to be appended: its type, schema version, JSON data and metadata."""

    type: str
    data: dict[str, Any]
    metadata: EventMetadata
    schema_version: int = 1
    event_id: uuid.UUID = field(default_factory=uuid7)
    occurred_at: datetime | None = None  # None: when the store records it (its clock)


@dataclass(frozen=True)
class RecordedEvent:
    """An event as the store holds it, with its place in the stream and in the service's log."""

    event_id: uuid.UUID
    type: str
    schema_version: int
    stream_id: str
    stream_version: int
    position: int
    occurred_at: datetime
    recorded_at: datetime
    data: dict[str, Any]
    metadata: EventMetadata
    prev_hash: str
    hash: str

    @property
    def case_id(self) -> str:
        """The case this event belongs to (the stream itself when it names no case)."""
        return self.metadata.case_id or self.stream_id


class StoredState(NamedTuple):
    """An event as aggregates are rebuilt from it: no position, times or audit metadata."""

    type: str
    schema_version: int
    data: dict[str, Any]
    hash: str
