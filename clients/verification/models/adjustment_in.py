from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AdjustmentIn")


@_attrs_define
class AdjustmentIn:
    """A new monthly amount from a date.

    Attributes:
        approved_monthly_amount_fen (int):
        effective_from (datetime.date):
        reason (str):
    """

    approved_monthly_amount_fen: int
    effective_from: datetime.date
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_monthly_amount_fen = self.approved_monthly_amount_fen

        effective_from = self.effective_from.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_monthly_amount_fen": approved_monthly_amount_fen,
                "effective_from": effective_from,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        approved_monthly_amount_fen = d.pop("approved_monthly_amount_fen")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        reason = d.pop("reason")

        adjustment_in = cls(
            approved_monthly_amount_fen=approved_monthly_amount_fen,
            effective_from=effective_from,
            reason=reason,
        )

        adjustment_in.additional_properties = d
        return adjustment_in

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
