from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.finding_read_severity import FindingReadSeverity

T = TypeVar("T", bound="FindingRead")


@_attrs_define
class FindingRead:
    """A problem the visit found, numbered F1, F2, …

    Attributes:
        finding_id (str):
        description (str):
        severity (FindingReadSeverity):
    """

    finding_id: str
    description: str
    severity: FindingReadSeverity
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        finding_id = self.finding_id

        description = self.description

        severity = self.severity.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "finding_id": finding_id,
                "description": description,
                "severity": severity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        finding_id = d.pop("finding_id")

        description = d.pop("description")

        severity = FindingReadSeverity(d.pop("severity"))

        finding_read = cls(
            finding_id=finding_id,
            description=description,
            severity=severity,
        )

        finding_read.additional_properties = d
        return finding_read

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
