from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.finding_in import FindingIn


T = TypeVar("T", bound="VisitIn")


@_attrs_define
class VisitIn:
    """The visit and its findings.

    Attributes:
        visited_on (datetime.date):
        findings (list[FindingIn] | Unset):
    """

    visited_on: datetime.date
    findings: list[FindingIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        visited_on = self.visited_on.isoformat()

        findings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = []
            for findings_item_data in self.findings:
                findings_item = findings_item_data.to_dict()
                findings.append(findings_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "visited_on": visited_on,
            }
        )
        if findings is not UNSET:
            field_dict["findings"] = findings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.finding_in import FindingIn

        d = dict(src_dict)
        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        _findings = d.pop("findings", UNSET)
        findings: list[FindingIn] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = FindingIn.from_dict(findings_item_data)

                findings.append(findings_item)

        visit_in = cls(
            visited_on=visited_on,
            findings=findings,
        )

        return visit_in
