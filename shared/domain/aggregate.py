"""Aggregate root base: command method → guard → record event; state changes only in apply."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from shared.eventstore.envelope import RecordedEvent


class Aggregate:
    """An event-sourced aggregate: rebuilt from its events, recording new ones as pending."""

    stream_prefix: ClassVar[str] = "aggregate"

    def __init__(self, aggregate_id: str) -> None:
        self.id = aggregate_id
        self.version = 0
        self.head_hash: str | None = None  # the stream's last hash, when loaded or saved
        self.pending: list[Any] = []
        self.appended: list[RecordedEvent] = []
        """What its last save appended, as recorded (ids, instants, metadata): an answer to a
        command may show who recorded what, and when."""

    @classmethod
    def stream_id_for(cls, aggregate_id: str) -> str:
        """The event-store stream that holds this aggregate's events."""
        return f"{cls.stream_prefix}-{aggregate_id}"

    @property
    def stream_id(self) -> str:
        """This aggregate's stream id."""
        return self.stream_id_for(self.id)

    def replay(self, events: list[Any]) -> None:
        """Apply already-recorded events, advancing the version."""
        for event in events:
            self.apply(event)
            self.version += 1

    def record(self, event: Any) -> None:
        """Apply a new event and keep it for the repository to append."""
        self.apply(event)
        self.pending.append(event)

    def apply(self, event: Any) -> None:
        """Change state for one event by calling `when_<EventClassName>`."""
        handler = getattr(self, f"when_{type(event).__name__}", None)
        if handler is None:
            raise TypeError(f"{type(self).__name__} cannot apply {type(event).__name__}")
        handler(event)
