from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VisitView")


@_attrs_define
class VisitView:
    """One care visit.

    Attributes:
        visited_on (datetime.date):
        visited_by (list[str]):
        guardianship_status (str):
        follow_up_needed (bool):
        notes (str):
    """

    visited_on: datetime.date
    visited_by: list[str]
    guardianship_status: str
    follow_up_needed: bool
    notes: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        visited_on = self.visited_on.isoformat()

        visited_by = self.visited_by

        guardianship_status = self.guardianship_status

        follow_up_needed = self.follow_up_needed

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "visited_on": visited_on,
                "visited_by": visited_by,
                "guardianship_status": guardianship_status,
                "follow_up_needed": follow_up_needed,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        visited_by = cast(list[str], d.pop("visited_by"))

        guardianship_status = d.pop("guardianship_status")

        follow_up_needed = d.pop("follow_up_needed")

        notes = d.pop("notes")

        visit_view = cls(
            visited_on=visited_on,
            visited_by=visited_by,
            guardianship_status=guardianship_status,
            follow_up_needed=follow_up_needed,
            notes=notes,
        )

        visit_view.additional_properties = d
        return visit_view

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
