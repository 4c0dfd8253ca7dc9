from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SpotCheckIn")


@_attrs_define
class SpotCheckIn:
    """A county visit to a sampled household.

    Attributes:
        case_id (str):
        programme (str):
        visited_by (list[str]):
        visited_on (datetime.date):
        findings (str):
        confirms_proposal (bool | Unset):  Default: True.
    """

    case_id: str
    programme: str
    visited_by: list[str]
    visited_on: datetime.date
    findings: str
    confirms_proposal: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        programme = self.programme

        visited_by = self.visited_by

        visited_on = self.visited_on.isoformat()

        findings = self.findings

        confirms_proposal = self.confirms_proposal

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "case_id": case_id,
                "programme": programme,
                "visited_by": visited_by,
                "visited_on": visited_on,
                "findings": findings,
            }
        )
        if confirms_proposal is not UNSET:
            field_dict["confirms_proposal"] = confirms_proposal

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        case_id = d.pop("case_id")

        programme = d.pop("programme")

        visited_by = cast(list[str], d.pop("visited_by"))

        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        findings = d.pop("findings")

        confirms_proposal = d.pop("confirms_proposal", UNSET)

        spot_check_in = cls(
            case_id=case_id,
            programme=programme,
            visited_by=visited_by,
            visited_on=visited_on,
            findings=findings,
            confirms_proposal=confirms_proposal,
        )

        return spot_check_in
