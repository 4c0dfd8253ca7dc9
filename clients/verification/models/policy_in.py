from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PolicyIn")


@_attrs_define
class PolicyIn:
    """A new setting of one policy number for the province (62) or one county, from a date.

    Attributes:
        value (float | int | str): notice_period_days: whole days; spot_check_rate: a decimal from 0.30 to 1;
            child_allowance_age_limit: whole years from 18 to 25 (province only)
        effective_from (datetime.date):
        scope (str): 62 or a county code
        reason (str):
    """

    value: float | int | str
    effective_from: datetime.date
    scope: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        value: float | int | str
        value = self.value

        effective_from = self.effective_from.isoformat()

        scope = self.scope

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "effective_from": effective_from,
                "scope": scope,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_value(data: object) -> float | int | str:
            return cast(float | int | str, data)

        value = _parse_value(d.pop("value"))

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        scope = d.pop("scope")

        reason = d.pop("reason")

        policy_in = cls(
            value=value,
            effective_from=effective_from,
            scope=scope,
            reason=reason,
        )

        return policy_in
