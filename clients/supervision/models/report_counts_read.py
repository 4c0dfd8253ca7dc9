from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportCountsRead")


@_attrs_define
class ReportCountsRead:
    """How many counties are at each status.

    Attributes:
        filed (int):
        late (int):
        missing (int):
        not_yet_due (int):
    """

    filed: int
    late: int
    missing: int
    not_yet_due: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filed = self.filed

        late = self.late

        missing = self.missing

        not_yet_due = self.not_yet_due

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filed": filed,
                "late": late,
                "missing": missing,
                "not_yet_due": not_yet_due,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        filed = d.pop("filed")

        late = d.pop("late")

        missing = d.pop("missing")

        not_yet_due = d.pop("not_yet_due")

        report_counts_read = cls(
            filed=filed,
            late=late,
            missing=missing,
            not_yet_due=not_yet_due,
        )

        report_counts_read.additional_properties = d
        return report_counts_read

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
