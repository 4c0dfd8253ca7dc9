from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.hazard_category import HazardCategory

T = TypeVar("T", bound="HazardIn")


@_attrs_define
class HazardIn:
    """A hazard found on a check.

    Attributes:
        category (HazardCategory): 防火、防电、防冻、防食物中毒、防煤气中毒.
        description (str):
        due_on (datetime.date):
    """

    category: HazardCategory
    description: str
    due_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        description = self.description

        due_on = self.due_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "description": description,
                "due_on": due_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        category = HazardCategory(d.pop("category"))

        description = d.pop("description")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        hazard_in = cls(
            category=category,
            description=description,
            due_on=due_on,
        )

        return hazard_in
