from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccountabilityRead")


@_attrs_define
class AccountabilityRead:
    """An accountability measure recorded on a finding.

    Attributes:
        inspection_id (str):
        finding_id (str):
        person_role (str):
        org (str):
        measure (str):
        decided_on (datetime.date):
    """

    inspection_id: str
    finding_id: str
    person_role: str
    org: str
    measure: str
    decided_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        inspection_id = self.inspection_id

        finding_id = self.finding_id

        person_role = self.person_role

        org = self.org

        measure = self.measure

        decided_on = self.decided_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "inspection_id": inspection_id,
                "finding_id": finding_id,
                "person_role": person_role,
                "org": org,
                "measure": measure,
                "decided_on": decided_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        inspection_id = d.pop("inspection_id")

        finding_id = d.pop("finding_id")

        person_role = d.pop("person_role")

        org = d.pop("org")

        measure = d.pop("measure")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        accountability_read = cls(
            inspection_id=inspection_id,
            finding_id=finding_id,
            person_role=person_role,
            org=org,
            measure=measure,
            decided_on=decided_on,
        )

        accountability_read.additional_properties = d
        return accountability_read

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
