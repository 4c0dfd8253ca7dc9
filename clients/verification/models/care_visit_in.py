from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.care_visit_in_guardianship_status import CareVisitInGuardianshipStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CareVisitIn")


@_attrs_define
class CareVisitIn:
    """关爱走访: who visited when, the guardianship found and whether to follow up.

    Attributes:
        visited_on (datetime.date):
        visited_by (list[str]):
        guardianship_status (CareVisitInGuardianshipStatus):
        notes (str):
        follow_up_needed (bool | Unset):  Default: False.
    """

    visited_on: datetime.date
    visited_by: list[str]
    guardianship_status: CareVisitInGuardianshipStatus
    notes: str
    follow_up_needed: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        visited_on = self.visited_on.isoformat()

        visited_by = self.visited_by

        guardianship_status = self.guardianship_status.value

        notes = self.notes

        follow_up_needed = self.follow_up_needed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "visited_on": visited_on,
                "visited_by": visited_by,
                "guardianship_status": guardianship_status,
                "notes": notes,
            }
        )
        if follow_up_needed is not UNSET:
            field_dict["follow_up_needed"] = follow_up_needed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        visited_by = cast(list[str], d.pop("visited_by"))

        guardianship_status = CareVisitInGuardianshipStatus(
            d.pop("guardianship_status")
        )

        notes = d.pop("notes")

        follow_up_needed = d.pop("follow_up_needed", UNSET)

        care_visit_in = cls(
            visited_on=visited_on,
            visited_by=visited_by,
            guardianship_status=guardianship_status,
            notes=notes,
            follow_up_needed=follow_up_needed,
        )

        return care_visit_in
