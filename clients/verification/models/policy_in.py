from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value: float | int | str
        value = self.value

        effective_from = self.effective_from.isoformat()

        scope = self.scope

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        policy_in.additional_properties = d
        return policy_in

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
