from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason_code = self.reason_code.value

        reason = self.reason

        policy_basis = self.policy_basis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        allowance_end_in.additional_properties = d
        return allowance_end_in

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
