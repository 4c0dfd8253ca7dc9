from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BankAccountHolderIn")


@_attrs_define
class BankAccountHolderIn:
    """Who holds the bank account, when it is not obvious from the members (SUP-3 二次分配).

    Attributes:
        name (str):
        resident_id (str): 18-character resident ID (GB 11643 check)
    """

    name: str
    resident_id: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        resident_id = self.resident_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "resident_id": resident_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        resident_id = d.pop("resident_id")

        bank_account_holder_in = cls(
            name=name,
            resident_id=resident_id,
        )

        return bank_account_holder_in
