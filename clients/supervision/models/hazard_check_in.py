from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.hazard_category import HazardCategory
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hazard_in import HazardIn


T = TypeVar("T", bound="HazardCheckIn")


@_attrs_define
class HazardCheckIn:
    """A hazard check: what was checked, the fire equipment, the hazards found.

    Attributes:
        checked_on (datetime.date):
        categories (list[HazardCategory]):
        fire_equipment_complete (bool):
        hazards (list[HazardIn] | Unset):
    """

    checked_on: datetime.date
    categories: list[HazardCategory]
    fire_equipment_complete: bool
    hazards: list[HazardIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        checked_on = self.checked_on.isoformat()

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.value
            categories.append(categories_item)

        fire_equipment_complete = self.fire_equipment_complete

        hazards: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.hazards, Unset):
            hazards = []
            for hazards_item_data in self.hazards:
                hazards_item = hazards_item_data.to_dict()
                hazards.append(hazards_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checked_on": checked_on,
                "categories": categories,
                "fire_equipment_complete": fire_equipment_complete,
            }
        )
        if hazards is not UNSET:
            field_dict["hazards"] = hazards

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.hazard_in import HazardIn

        d = dict(src_dict)
        checked_on = datetime.date.fromisoformat(d.pop("checked_on"))

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = HazardCategory(categories_item_data)

            categories.append(categories_item)

        fire_equipment_complete = d.pop("fire_equipment_complete")

        _hazards = d.pop("hazards", UNSET)
        hazards: list[HazardIn] | Unset = UNSET
        if _hazards is not UNSET:
            hazards = []
            for hazards_item_data in _hazards:
                hazards_item = HazardIn.from_dict(hazards_item_data)

                hazards.append(hazards_item)

        hazard_check_in = cls(
            checked_on=checked_on,
            categories=categories,
            fire_equipment_complete=fire_equipment_complete,
            hazards=hazards,
        )

        return hazard_check_in
