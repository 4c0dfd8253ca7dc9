from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AssignmentIn")


@_attrs_define
class AssignmentIn:
    """Who handles the complaint.

    Attributes:
        inspector_id (str):
    """

    inspector_id: str

    def to_dict(self) -> dict[str, Any]:
        inspector_id = self.inspector_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "inspector_id": inspector_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        inspector_id = d.pop("inspector_id")

        assignment_in = cls(
            inspector_id=inspector_id,
        )

        return assignment_in
