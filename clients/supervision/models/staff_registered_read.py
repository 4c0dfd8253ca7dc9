from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StaffRegisteredRead")


@_attrs_define
class StaffRegisteredRead:
    """A staff member registered: only a hash of the ID is kept.

    Attributes:
        staff_key (str): keyed pseudonym of the resident ID (pid_…)
        relatives (int): how many close relatives were registered
    """

    staff_key: str
    relatives: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        staff_key = self.staff_key

        relatives = self.relatives

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "staff_key": staff_key,
                "relatives": relatives,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        staff_key = d.pop("staff_key")

        relatives = d.pop("relatives")

        staff_registered_read = cls(
            staff_key=staff_key,
            relatives=relatives,
        )

        staff_registered_read.additional_properties = d
        return staff_registered_read

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
