from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.hazard_category import HazardCategory

T = TypeVar("T", bound="HazardRead")


@_attrs_define
class HazardRead:
    """A hazard found on a check, tracked to its closure.

    Attributes:
        institution_id (str):
        hazard_id (str):
        category (HazardCategory): 防火、防电、防冻、防食物中毒、防煤气中毒.
        description (str):
        due_on (datetime.date):
        closed_on (datetime.date | None):
        overdue (bool): open and past its date (service clock)
    """

    institution_id: str
    hazard_id: str
    category: HazardCategory
    description: str
    due_on: datetime.date
    closed_on: datetime.date | None
    overdue: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution_id = self.institution_id

        hazard_id = self.hazard_id

        category = self.category.value

        description = self.description

        due_on = self.due_on.isoformat()

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        overdue = self.overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "institution_id": institution_id,
                "hazard_id": hazard_id,
                "category": category,
                "description": description,
                "due_on": due_on,
                "closed_on": closed_on,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        institution_id = d.pop("institution_id")

        hazard_id = d.pop("hazard_id")

        category = HazardCategory(d.pop("category"))

        description = d.pop("description")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        overdue = d.pop("overdue")

        hazard_read = cls(
            institution_id=institution_id,
            hazard_id=hazard_id,
            category=category,
            description=description,
            due_on=due_on,
            closed_on=closed_on,
            overdue=overdue,
        )

        hazard_read.additional_properties = d
        return hazard_read

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
