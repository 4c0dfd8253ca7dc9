from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UnpayableRead")


@_attrs_define
class UnpayableRead:
    """A beneficiary the run found due but could not pay, and why.

    Attributes:
        case_id (str):
        programme (str):
        division_code (str):
        reason (str): no-bank-account; no-standard: approved by rule where no standard is in force yet (ADR 0041);
            insufficient-funds: the run's money ran out (PAY-7); or payment-failed: the bank refused the month's last
            attempt (PAY-3). The month is paid back by a later run once the cause is gone
    """

    case_id: str
    programme: str
    division_code: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        programme = self.programme

        division_code = self.division_code

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "programme": programme,
                "division_code": division_code,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        case_id = d.pop("case_id")

        programme = d.pop("programme")

        division_code = d.pop("division_code")

        reason = d.pop("reason")

        unpayable_read = cls(
            case_id=case_id,
            programme=programme,
            division_code=division_code,
            reason=reason,
        )

        unpayable_read.additional_properties = d
        return unpayable_read

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
