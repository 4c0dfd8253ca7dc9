from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

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

    def to_dict(self) -> dict[str, Any]:
        approved_monthly_amount_fen = self.approved_monthly_amount_fen

        effective_from = self.effective_from.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

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

        return adjustment_in
