from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AllowanceEndView")


@_attrs_define
class AllowanceEndView:
    """The county's early end of the allowance: who, when, why, under which policy.

    Attributes:
        allowance (str):
        effective_from (datetime.date): nothing is paid for months from this day
        reason_code (str):
        reason (str):
        policy_basis (str):
        decided_by (str):
        decided_on (datetime.date):
    """

    allowance: str
    effective_from: datetime.date
    reason_code: str
    reason: str
    policy_basis: str
    decided_by: str
    decided_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowance = self.allowance

        effective_from = self.effective_from.isoformat()

        reason_code = self.reason_code

        reason = self.reason

        policy_basis = self.policy_basis

        decided_by = self.decided_by

        decided_on = self.decided_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowance": allowance,
                "effective_from": effective_from,
                "reason_code": reason_code,
                "reason": reason,
                "policy_basis": policy_basis,
                "decided_by": decided_by,
                "decided_on": decided_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        allowance = d.pop("allowance")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        reason_code = d.pop("reason_code")

        reason = d.pop("reason")

        policy_basis = d.pop("policy_basis")

        decided_by = d.pop("decided_by")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        allowance_end_view = cls(
            allowance=allowance,
            effective_from=effective_from,
            reason_code=reason_code,
            reason=reason,
            policy_basis=policy_basis,
            decided_by=decided_by,
            decided_on=decided_on,
        )

        allowance_end_view.additional_properties = d
        return allowance_end_view

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
