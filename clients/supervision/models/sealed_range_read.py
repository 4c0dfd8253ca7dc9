from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SealedRangeRead")


@_attrs_define
class SealedRangeRead:
    """The events of one service a digest seals, and their Merkle root.

    Attributes:
        service (str):
        from_position (int):
        to_position (int):
        events (int):
        merkle_root (str):
    """

    service: str
    from_position: int
    to_position: int
    events: int
    merkle_root: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        from_position = self.from_position

        to_position = self.to_position

        events = self.events

        merkle_root = self.merkle_root

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service": service,
                "from_position": from_position,
                "to_position": to_position,
                "events": events,
                "merkle_root": merkle_root,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        service = d.pop("service")

        from_position = d.pop("from_position")

        to_position = d.pop("to_position")

        events = d.pop("events")

        merkle_root = d.pop("merkle_root")

        sealed_range_read = cls(
            service=service,
            from_position=from_position,
            to_position=to_position,
            events=events,
            merkle_root=merkle_root,
        )

        sealed_range_read.additional_properties = d
        return sealed_range_read

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
