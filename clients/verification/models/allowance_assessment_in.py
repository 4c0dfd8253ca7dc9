from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.allowance_assessment_in_allowance import AllowanceAssessmentInAllowance
from ..models.allowance_assessment_in_decision import AllowanceAssessmentInDecision
from ..types import UNSET, Unset

T = TypeVar("T", bound="AllowanceAssessmentIn")


@_attrs_define
class AllowanceAssessmentIn:
    """The county's assessment of a child for an allowance (PAY-9 pays a grant).

    Attributes:
        allowance (AllowanceAssessmentInAllowance): orphan_allowance 孤儿基本生活费 | child_in_difficulty_allowance 困境儿童基本生活补贴
        decision (AllowanceAssessmentInDecision):
        reason (str):
        policy_basis (str): 文件依据
        effective_from (datetime.date | None | Unset): required to grant
    """

    allowance: AllowanceAssessmentInAllowance
    decision: AllowanceAssessmentInDecision
    reason: str
    policy_basis: str
    effective_from: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        allowance = self.allowance.value

        decision = self.decision.value

        reason = self.reason

        policy_basis = self.policy_basis

        effective_from: None | str | Unset
        if isinstance(self.effective_from, Unset):
            effective_from = UNSET
        elif isinstance(self.effective_from, datetime.date):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "allowance": allowance,
                "decision": decision,
                "reason": reason,
                "policy_basis": policy_basis,
            }
        )
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        allowance = AllowanceAssessmentInAllowance(d.pop("allowance"))

        decision = AllowanceAssessmentInDecision(d.pop("decision"))

        reason = d.pop("reason")

        policy_basis = d.pop("policy_basis")

        def _parse_effective_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.date.fromisoformat(data)

                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_from = _parse_effective_from(d.pop("effective_from", UNSET))

        allowance_assessment_in = cls(
            allowance=allowance,
            decision=decision,
            reason=reason,
            policy_basis=policy_basis,
            effective_from=effective_from,
        )

        return allowance_assessment_in
