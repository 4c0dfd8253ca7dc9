from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MemberView")


@_attrs_define
class MemberView:
    """A household member with the resident ID masked.

    Attributes:
        resident_id_masked (str):
        name (str):
        relation (str):
    """

    resident_id_masked: str
    name: str
    relation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resident_id_masked = self.resident_id_masked

        name = self.name

        relation = self.relation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resident_id_masked": resident_id_masked,
                "name": name,
                "relation": relation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        resident_id_masked = d.pop("resident_id_masked")

        name = d.pop("name")

        relation = d.pop("relation")

        member_view = cls(
            resident_id_masked=resident_id_masked,
            name=name,
            relation=relation,
        )

        member_view.additional_properties = d
        return member_view

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
