from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MechanismIn")


@_attrs_define
class MechanismIn:
    """The county's coordination mechanism as filed.

    Attributes:
        filed_on (datetime.date):
        head (str): 政府负责人（负总责）
        lead_department (str):
        member_departments (list[str]):
    """

    filed_on: datetime.date
    head: str
    lead_department: str
    member_departments: list[str]

    def to_dict(self) -> dict[str, Any]:
        filed_on = self.filed_on.isoformat()

        head = self.head

        lead_department = self.lead_department

        member_departments = self.member_departments

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
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
        filed_on = datetime.date.fromisoformat(d.pop("filed_on"))

        head = d.pop("head")

        lead_department = d.pop("lead_department")

        member_departments = cast(list[str], d.pop("member_departments"))

        mechanism_in = cls(
            filed_on=filed_on,
            head=head,
            lead_department=lead_department,
            member_departments=member_departments,
        )

        return mechanism_in
