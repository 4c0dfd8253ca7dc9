from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CheckIn")


@_attrs_define
class CheckIn:
    """Whether a rectification happened.

    Attributes:
        finding_id (str):
        rectified (bool):
        note (str):
    """

    finding_id: str
    rectified: bool
    note: str

    def to_dict(self) -> dict[str, Any]:
        finding_id = self.finding_id

        rectified = self.rectified

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "finding_id": finding_id,
                "rectified": rectified,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        finding_id = d.pop("finding_id")

        rectified = d.pop("rectified")

        note = d.pop("note")

        check_in = cls(
            finding_id=finding_id,
            rectified=rectified,
            note=note,
        )

        return check_in
