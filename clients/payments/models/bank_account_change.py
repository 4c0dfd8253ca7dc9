from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BankAccountChange")


@_attrs_define
class BankAccountChange:
    """The account a benefit is paid into from the next run on.

    Attributes:
        bank_account (str): 银行账号 (12–30 digits)
        reason (str):
    """

    bank_account: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        bank_account = self.bank_account

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bank_account": bank_account,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bank_account = d.pop("bank_account")

        reason = d.pop("reason")

        bank_account_change = cls(
            bank_account=bank_account,
            reason=reason,
        )

        return bank_account_change
