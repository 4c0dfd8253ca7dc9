from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.self_care_in import SelfCareIn


T = TypeVar("T", bound="InvestigationIn")


@_attrs_define
class InvestigationIn:
    """入户调查: at least two staff, the day and the findings; for extreme poverty, every
    member's self-care ability.

        Attributes:
            staff (list[str]):
            visited_on (datetime.date):
            findings (str):
            self_care (list[SelfCareIn] | Unset): extreme poverty (特困): each member's self-care ability, required before the
                proposal; partial or none flags the person for centralised care (VER-8) and payments adds the care standard for
                that ability (PAY-1)
    """

    staff: list[str]
    visited_on: datetime.date
    findings: str
    self_care: list[SelfCareIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        staff = self.staff

        visited_on = self.visited_on.isoformat()

        findings = self.findings

        self_care: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.self_care, Unset):
            self_care = []
            for self_care_item_data in self.self_care:
                self_care_item = self_care_item_data.to_dict()
                self_care.append(self_care_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "staff": staff,
                "visited_on": visited_on,
                "findings": findings,
            }
        )
        if self_care is not UNSET:
            field_dict["self_care"] = self_care

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.self_care_in import SelfCareIn

        d = dict(src_dict)
        staff = cast(list[str], d.pop("staff"))

        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        findings = d.pop("findings")

        _self_care = d.pop("self_care", UNSET)
        self_care: list[SelfCareIn] | Unset = UNSET
        if _self_care is not UNSET:
            self_care = []
            for self_care_item_data in _self_care:
                self_care_item = SelfCareIn.from_dict(self_care_item_data)

                self_care.append(self_care_item)

        investigation_in = cls(
            staff=staff,
            visited_on=visited_on,
            findings=findings,
            self_care=self_care,
        )

        return investigation_in
