"""Stable event type names, schema versions and upcasters, mapped to frozen domain dataclasses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import TypeAdapter

from shared.eventstore.envelope import EventMetadata, NewEvent, RecordedEvent, StoredState

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]
E = TypeVar("E")

TYPE_ATTR = "__event_type__"
VERSION_ATTR = "__schema_version__"


def event_type(name: str, *, version: int) -> Callable[[type[E]], type[E]]:
    """Give a domain event class its stable type name (`service.PastTense`) and its schema
    version, always stated (the one convention: `@event_type("intake.X", version=1)`)."""

    def mark(cls: type[E]) -> type[E]:
        setattr(cls, TYPE_ATTR, name)
        setattr(cls, VERSION_ATTR, version)
        return cls

    return mark


def type_name_of(event: object) -> str:
    """The stable type name of a domain event instance or class."""
    return str(getattr(event, TYPE_ATTR))


class UnknownEventType(LookupError):
    """An event type name that no registered class carries."""


@dataclass
class _Entry:
    cls: type
    version: int
    adapter: TypeAdapter[Any]
    upcasters: dict[int, Upcaster] = field(default_factory=dict)


class EventRegistry:
    """Maps type names to classes and brings old schema versions up to date on read."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}

    def register(self, cls: type, upcasters: dict[int, Upcaster] | None = None) -> None:
        """Register a class marked with @event_type; upcasters[v] lifts data from v to v+1."""
        name, version = getattr(cls, TYPE_ATTR), getattr(cls, VERSION_ATTR)
        missing = [v for v in range(1, version) if v not in (upcasters or {})]
        if missing:
            raise ValueError(f"{name} v{version} lacks upcasters from versions {missing}")
        self._entries[name] = _Entry(cls, version, TypeAdapter(cls), dict(upcasters or {}))

    def register_all(self, *classes: type) -> None:
        """Register several classes that need no upcasters."""
        for cls in classes:
            self.register(cls)

    @property
    def type_names(self) -> list[str]:
        """Every registered type name, sorted."""
        return sorted(self._entries)

    def class_of(self, name: str) -> type:
        """The class registered for a type name."""
        return self._entry(name).cls

    def current_version(self, name: str) -> int:
        """The schema version new events of this type are written with."""
        return self._entry(name).version

    def serialize(self, event: object, metadata: EventMetadata) -> NewEvent:
        """A domain event as a NewEvent with JSON data (dates ISO, money int fen, UUIDs as text)."""
        entry = self._entry(type_name_of(event))
        data = entry.adapter.dump_python(event, mode="json")
        return NewEvent(
            type=type_name_of(event), data=data, metadata=metadata, schema_version=entry.version
        )

    def upcasters_of(self, name: str) -> dict[int, Upcaster]:
        """The upcasters registered for a type: version → the function lifting it to the next."""
        return dict(self._entry(name).upcasters)

    def upcast(self, name: str, version: int, data: dict[str, Any]) -> dict[str, Any]:
        """Data of an old schema version lifted step by step to the current one."""
        entry = self._entry(name)
        for step in range(version, entry.version):
            data = entry.upcasters[step](data)
        return data

    def deserialize(self, event: RecordedEvent | StoredState) -> Any:
        """The domain event a recorded or stored event stands for, upcast to the current schema."""
        entry = self._entry(event.type)
        data = self.upcast(event.type, event.schema_version, event.data)
        return entry.adapter.validate_python(data)

    def _entry(self, name: str) -> _Entry:
        try:
            return self._entries[name]
        except KeyError:
            raise UnknownEventType(name) from None
