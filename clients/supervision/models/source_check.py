from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.source_event import SourceEvent


T = TypeVar("T", bound="SourceCheck")


@_attrs_define
class SourceCheck:
    """A service's event log (or a slice of it) to check against supervision's copies.

    Attributes:
        service (str):
        events (list[SourceEvent]):
    """

    service: str
    events: list[SourceEvent]

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "service": service,
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.source_event import SourceEvent

        d = dict(src_dict)
        service = d.pop("service")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = SourceEvent.from_dict(events_item_data)

            events.append(events_item)

        source_check = cls(
            service=service,
            events=events,
        )

        return source_check
