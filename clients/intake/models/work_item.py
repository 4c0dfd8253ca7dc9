from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WorkItem")


@_attrs_define
class WorkItem:
    """One piece of open work and when it is due.

    Attributes:
        kind (str): referral | urgent_case
        id (str):
        division_code (str):
        due_at (datetime.datetime):
        overdue (bool): escalated already
    """

    kind: str
    id: str
    division_code: str
    due_at: datetime.datetime
    overdue: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        id = self.id

        division_code = self.division_code

        due_at = self.due_at.isoformat()

        overdue = self.overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "division_code": division_code,
                "due_at": due_at,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = d.pop("kind")

        id = d.pop("id")

        division_code = d.pop("division_code")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        overdue = d.pop("overdue")

        work_item = cls(
            kind=kind,
            id=id,
            division_code=division_code,
            due_at=due_at,
            overdue=overdue,
        )

        work_item.additional_properties = d
        return work_item

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
