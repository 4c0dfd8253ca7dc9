from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MechanismRead")


@_attrs_define
class MechanismRead:
    """The county's coordination mechanism as filed.

    Attributes:
        county_code (str):
        year (int):
        filed_on (datetime.date):
        head (str): 政府负责人（负总责）
        lead_department (str):
        member_departments (list[str]):
    """

    county_code: str
    year: int
    filed_on: datetime.date
    head: str
    lead_department: str
    member_departments: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        year = self.year

        filed_on = self.filed_on.isoformat()

        head = self.head

        lead_department = self.lead_department

        member_departments = self.member_departments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "county_code": county_code,
                "year": year,
                "filed_on": filed_on,
                "head": head,
                "lead_department": lead_department,
                "member_departments": member_departments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        county_code = d.pop("county_code")

        year = d.pop("year")

        filed_on = datetime.date.fromisoformat(d.pop("filed_on"))

        head = d.pop("head")

        lead_department = d.pop("lead_department")

        member_departments = cast(list[str], d.pop("member_departments"))

        mechanism_read = cls(
            county_code=county_code,
            year=year,
            filed_on=filed_on,
            head=head,
            lead_department=lead_department,
            member_departments=member_departments,
        )

        mechanism_read.additional_properties = d
        return mechanism_read

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
