from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MigrationReject")


@_attrs_define
class MigrationReject:
    """A refused cell, or a row refused with its household: never personal data in clear.

    Attributes:
        row (int): row number as a spreadsheet shows it (the header is row 1)
        household_ref (str): the household's number in the old system
        field (str): the column refused, or `household` for a row refused with it
        reason_zh (str):
        reason_en (str):
    """

    row: int
    household_ref: str
    field: str
    reason_zh: str
    reason_en: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        household_ref = self.household_ref

        field = self.field

        reason_zh = self.reason_zh

        reason_en = self.reason_en

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row": row,
                "household_ref": household_ref,
                "field": field,
                "reason_zh": reason_zh,
                "reason_en": reason_en,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        row = d.pop("row")

        household_ref = d.pop("household_ref")

        field = d.pop("field")

        reason_zh = d.pop("reason_zh")

        reason_en = d.pop("reason_en")

        migration_reject = cls(
            row=row,
            household_ref=household_ref,
            field=field,
            reason_zh=reason_zh,
            reason_en=reason_en,
        )

        migration_reject.additional_properties = d
        return migration_reject

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
