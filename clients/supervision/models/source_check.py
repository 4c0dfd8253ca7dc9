from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        source_check.additional_properties = d
        return source_check

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
