from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="StopIn")


@_attrs_define
class StopIn:
    """Suspend or terminate from a date, with the reason.

    Attributes:
        effective_from (datetime.date):
        reason (str):
    """

    effective_from: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effective_from": effective_from,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        reason = d.pop("reason")

        stop_in = cls(
            effective_from=effective_from,
            reason=reason,
        )

        return stop_in
