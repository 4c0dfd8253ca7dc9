from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResumeIn")


@_attrs_define
class ResumeIn:
    """Pay again from a date: a suspension cleared up, or the survivors of a member's death at
    the amount set for them (ADR 0066).

        Attributes:
            effective_from (datetime.date): The first day paid again; months a run left unpaid since are paid back.
            reason (str):
            approved_monthly_amount_fen (int | None | Unset): The monthly amount from `effective_from`; omitted keeps the
                amount in force.
    """

    effective_from: datetime.date
    reason: str
    approved_monthly_amount_fen: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        reason = self.reason

        approved_monthly_amount_fen: int | None | Unset
        if isinstance(self.approved_monthly_amount_fen, Unset):
            approved_monthly_amount_fen = UNSET
        else:
            approved_monthly_amount_fen = self.approved_monthly_amount_fen

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effective_from": effective_from,
                "reason": reason,
            }
        )
        if approved_monthly_amount_fen is not UNSET:
            field_dict["approved_monthly_amount_fen"] = approved_monthly_amount_fen

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        reason = d.pop("reason")

        def _parse_approved_monthly_amount_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_monthly_amount_fen = _parse_approved_monthly_amount_fen(
            d.pop("approved_monthly_amount_fen", UNSET)
        )

        resume_in = cls(
            effective_from=effective_from,
            reason=reason,
            approved_monthly_amount_fen=approved_monthly_amount_fen,
        )

        return resume_in
