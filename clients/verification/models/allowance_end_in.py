from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.allowance_end_in_reason_code import AllowanceEndInReasonCode

T = TypeVar("T", bound="AllowanceEndIn")


@_attrs_define
class AllowanceEndIn:
    """The county ends a child's allowance before the age limit; payments stops paying from
    the next month (ADR 0042).

        Attributes:
            reason_code (AllowanceEndInReasonCode): adoption 被依法收养 | guardian_able_to_support 监护人恢复抚养能力 | death 死亡 |
                moved_away 户籍迁出本县 | other 其他
            reason (str):
            policy_basis (str): 文件依据
    """

    reason_code: AllowanceEndInReasonCode
    reason: str
    policy_basis: str

    def to_dict(self) -> dict[str, Any]:
        reason_code = self.reason_code.value

        reason = self.reason

        policy_basis = self.policy_basis

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason_code": reason_code,
                "reason": reason,
                "policy_basis": policy_basis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason_code = AllowanceEndInReasonCode(d.pop("reason_code"))

        reason = d.pop("reason")

        policy_basis = d.pop("policy_basis")

        allowance_end_in = cls(
            reason_code=reason_code,
            reason=reason,
            policy_basis=policy_basis,
        )

        return allowance_end_in
