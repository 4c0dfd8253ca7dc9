from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FindingIn")


@_attrs_define
class FindingIn:
    """A problem found.

    Attributes:
        description (str):
        severity (str):
    """

    description: str
    severity: str

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        severity = self.severity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "severity": severity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        description = d.pop("description")

        severity = d.pop("severity")

        finding_in = cls(
            description=description,
            severity=severity,
        )

        return finding_in
