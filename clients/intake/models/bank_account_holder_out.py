from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BankAccountHolderOut")


@_attrs_define
class BankAccountHolderOut:
    """The account holder as shown: resident ID masked.

    Attributes:
        name (str):
        resident_id_masked (str):
    """

    name: str
    resident_id_masked: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        resident_id_masked = self.resident_id_masked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "resident_id_masked": resident_id_masked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        resident_id_masked = d.pop("resident_id_masked")

        bank_account_holder_out = cls(
            name=name,
            resident_id_masked=resident_id_masked,
        )

        bank_account_holder_out.additional_properties = d
        return bank_account_holder_out

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
