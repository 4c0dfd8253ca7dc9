from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssessmentView")


@_attrs_define
class AssessmentView:
    """One allowance assessment with who decided, when, why and under which policy.

    Attributes:
        allowance (str):
        decision (str):
        effective_from (datetime.date | None):
        reason (str):
        policy_basis (str):
        eligibility_rule (str):
        decided_by (str):
        decided_on (datetime.date):
        age_limit (int | None | Unset): granted: the age limit in force
        last_paid_period (None | str | Unset): granted: the last month paid, the month of the age limit
    """

    allowance: str
    decision: str
    effective_from: datetime.date | None
    reason: str
    policy_basis: str
    eligibility_rule: str
    decided_by: str
    decided_on: datetime.date
    age_limit: int | None | Unset = UNSET
    last_paid_period: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowance = self.allowance

        decision = self.decision

        effective_from: None | str
        if isinstance(self.effective_from, datetime.date):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from

        reason = self.reason

        policy_basis = self.policy_basis

        eligibility_rule = self.eligibility_rule

        decided_by = self.decided_by

        decided_on = self.decided_on.isoformat()

        age_limit: int | None | Unset
        if isinstance(self.age_limit, Unset):
            age_limit = UNSET
        else:
            age_limit = self.age_limit

        last_paid_period: None | str | Unset
        if isinstance(self.last_paid_period, Unset):
            last_paid_period = UNSET
        else:
            last_paid_period = self.last_paid_period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowance": allowance,
                "decision": decision,
                "effective_from": effective_from,
                "reason": reason,
                "policy_basis": policy_basis,
                "eligibility_rule": eligibility_rule,
                "decided_by": decided_by,
                "decided_on": decided_on,
            }
        )
        if age_limit is not UNSET:
            field_dict["age_limit"] = age_limit
        if last_paid_period is not UNSET:
            field_dict["last_paid_period"] = last_paid_period

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        allowance = d.pop("allowance")

        decision = d.pop("decision")

        def _parse_effective_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.date.fromisoformat(data)

                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_from = _parse_effective_from(d.pop("effective_from"))

        reason = d.pop("reason")

        policy_basis = d.pop("policy_basis")

        eligibility_rule = d.pop("eligibility_rule")

        decided_by = d.pop("decided_by")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        def _parse_age_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age_limit = _parse_age_limit(d.pop("age_limit", UNSET))

        def _parse_last_paid_period(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_paid_period = _parse_last_paid_period(d.pop("last_paid_period", UNSET))

        assessment_view = cls(
            allowance=allowance,
            decision=decision,
            effective_from=effective_from,
            reason=reason,
            policy_basis=policy_basis,
            eligibility_rule=eligibility_rule,
            decided_by=decided_by,
            decided_on=decided_on,
            age_limit=age_limit,
            last_paid_period=last_paid_period,
        )

        assessment_view.additional_properties = d
        return assessment_view

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
