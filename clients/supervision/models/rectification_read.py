from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RectificationRead")


@_attrs_define
class RectificationRead:
    """A rectification ordered on a finding, and whether it happened in time.

    Attributes:
        inspection_id (str):
        finding_id (str):
        requirement (str):
        responsible_org (str):
        due_on (datetime.date):
        rectified (bool):
        overdue (bool): not rectified and past its date (service clock)
    """

    inspection_id: str
    finding_id: str
    requirement: str
    responsible_org: str
    due_on: datetime.date
    rectified: bool
    overdue: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        inspection_id = self.inspection_id

        finding_id = self.finding_id

        requirement = self.requirement

        responsible_org = self.responsible_org

        due_on = self.due_on.isoformat()

        rectified = self.rectified

        overdue = self.overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "inspection_id": inspection_id,
                "finding_id": finding_id,
                "requirement": requirement,
                "responsible_org": responsible_org,
                "due_on": due_on,
                "rectified": rectified,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        inspection_id = d.pop("inspection_id")

        finding_id = d.pop("finding_id")

        requirement = d.pop("requirement")

        responsible_org = d.pop("responsible_org")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        rectified = d.pop("rectified")

        overdue = d.pop("overdue")

        rectification_read = cls(
            inspection_id=inspection_id,
            finding_id=finding_id,
            requirement=requirement,
            responsible_org=responsible_org,
            due_on=due_on,
            rectified=rectified,
            overdue=overdue,
        )

        rectification_read.additional_properties = d
        return rectification_read

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
