from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.hazard_category import HazardCategory

T = TypeVar("T", bound="HazardCheckRead")


@_attrs_define
class HazardCheckRead:
    """A hazard check: what was checked and whether the fire equipment was complete.

    Attributes:
        institution_id (str):
        check_id (str):
        checked_on (datetime.date):
        categories (list[HazardCategory]):
        fire_equipment_complete (bool):
    """

    institution_id: str
    check_id: str
    checked_on: datetime.date
    categories: list[HazardCategory]
    fire_equipment_complete: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution_id = self.institution_id

        check_id = self.check_id

        checked_on = self.checked_on.isoformat()

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.value
            categories.append(categories_item)

        fire_equipment_complete = self.fire_equipment_complete

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "institution_id": institution_id,
                "check_id": check_id,
                "checked_on": checked_on,
                "categories": categories,
                "fire_equipment_complete": fire_equipment_complete,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        institution_id = d.pop("institution_id")

        check_id = d.pop("check_id")

        checked_on = datetime.date.fromisoformat(d.pop("checked_on"))

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = HazardCategory(categories_item_data)

            categories.append(categories_item)

        fire_equipment_complete = d.pop("fire_equipment_complete")

        hazard_check_read = cls(
            institution_id=institution_id,
            check_id=check_id,
            checked_on=checked_on,
            categories=categories,
            fire_equipment_complete=fire_equipment_complete,
        )

        hazard_check_read.additional_properties = d
        return hazard_check_read

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
