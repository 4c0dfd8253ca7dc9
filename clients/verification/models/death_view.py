from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeathView")


@_attrs_define
class DeathView:
    """A death a partner department reported for a member.

    Attributes:
        resident_id_masked (str):
        relation (str):
        died_on (datetime.date):
        reported_by_department (str):
        source_ref (str):
    """

    resident_id_masked: str
    relation: str
    died_on: datetime.date
    reported_by_department: str
    source_ref: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resident_id_masked = self.resident_id_masked

        relation = self.relation

        died_on = self.died_on.isoformat()

        reported_by_department = self.reported_by_department

        source_ref = self.source_ref

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resident_id_masked": resident_id_masked,
                "relation": relation,
                "died_on": died_on,
                "reported_by_department": reported_by_department,
                "source_ref": source_ref,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        resident_id_masked = d.pop("resident_id_masked")

        relation = d.pop("relation")

        died_on = datetime.date.fromisoformat(d.pop("died_on"))

        reported_by_department = d.pop("reported_by_department")

        source_ref = d.pop("source_ref")

        death_view = cls(
            resident_id_masked=resident_id_masked,
            relation=relation,
            died_on=died_on,
            reported_by_department=reported_by_department,
            source_ref=source_ref,
        )

        death_view.additional_properties = d
        return death_view

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
