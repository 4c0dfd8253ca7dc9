from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApplicationAmend")


@_attrs_define
class ApplicationAmend:
    """Corrected declared figures and bank account, with the reason (If-Match required).

    Attributes:
        declared_monthly_income_fen (int):
        declared_assets_fen (int):
        reason (str):
        bank_account (None | str | Unset):
    """

    declared_monthly_income_fen: int
    declared_assets_fen: int
    reason: str
    bank_account: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        declared_monthly_income_fen = self.declared_monthly_income_fen

        declared_assets_fen = self.declared_assets_fen

        reason = self.reason

        bank_account: None | str | Unset
        if isinstance(self.bank_account, Unset):
            bank_account = UNSET
        else:
            bank_account = self.bank_account

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "declared_monthly_income_fen": declared_monthly_income_fen,
                "declared_assets_fen": declared_assets_fen,
                "reason": reason,
            }
        )
        if bank_account is not UNSET:
            field_dict["bank_account"] = bank_account

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        declared_monthly_income_fen = d.pop("declared_monthly_income_fen")

        declared_assets_fen = d.pop("declared_assets_fen")

        reason = d.pop("reason")

        def _parse_bank_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_account = _parse_bank_account(d.pop("bank_account", UNSET))

        application_amend = cls(
            declared_monthly_income_fen=declared_monthly_income_fen,
            declared_assets_fen=declared_assets_fen,
            reason=reason,
            bank_account=bank_account,
        )

        return application_amend
