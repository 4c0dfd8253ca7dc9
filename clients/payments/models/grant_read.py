from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_read_category import GrantReadCategory

T = TypeVar("T", bound="GrantRead")


@_attrs_define
class GrantRead:
    """Relief granted to a household, in the notice's priority order.

    Attributes:
        household_id (str):
        category (GrantReadCategory):
        priority (int): 1 first: the notice's order of the categories
        amount_fen (int):
    """

    household_id: str
    category: GrantReadCategory
    priority: int
    amount_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        household_id = self.household_id

        category = self.category.value

        priority = self.priority

        amount_fen = self.amount_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "household_id": household_id,
                "category": category,
                "priority": priority,
                "amount_fen": amount_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        household_id = d.pop("household_id")

        category = GrantReadCategory(d.pop("category"))

        priority = d.pop("priority")

        amount_fen = d.pop("amount_fen")

        grant_read = cls(
            household_id=household_id,
            category=category,
            priority=priority,
            amount_fen=amount_fen,
        )

        grant_read.additional_properties = d
        return grant_read

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
