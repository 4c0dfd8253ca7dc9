from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PaidByPartnerRead")


@_attrs_define
class PaidByPartnerRead:
    """Assistance a partner agency decided and pays itself (ADR 0032): not paid by SafetyNet.

    Attributes:
        case_id (str):
        programme (str):
        agency (str):
        division_code (str):
        decided_on (datetime.date):
        amount_fen (int | None): 分 the agency pays; null when given in kind
        decided_by_org (str):
        policy_basis (str):
        reason (str):
    """

    case_id: str
    programme: str
    agency: str
    division_code: str
    decided_on: datetime.date
    amount_fen: int | None
    decided_by_org: str
    policy_basis: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        programme = self.programme

        agency = self.agency

        division_code = self.division_code

        decided_on = self.decided_on.isoformat()

        amount_fen: int | None
        amount_fen = self.amount_fen

        decided_by_org = self.decided_by_org

        policy_basis = self.policy_basis

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "programme": programme,
                "agency": agency,
                "division_code": division_code,
                "decided_on": decided_on,
                "amount_fen": amount_fen,
                "decided_by_org": decided_by_org,
                "policy_basis": policy_basis,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        case_id = d.pop("case_id")

        programme = d.pop("programme")

        agency = d.pop("agency")

        division_code = d.pop("division_code")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        def _parse_amount_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount_fen = _parse_amount_fen(d.pop("amount_fen"))

        decided_by_org = d.pop("decided_by_org")

        policy_basis = d.pop("policy_basis")

        reason = d.pop("reason")

        paid_by_partner_read = cls(
            case_id=case_id,
            programme=programme,
            agency=agency,
            division_code=division_code,
            decided_on=decided_on,
            amount_fen=amount_fen,
            decided_by_org=decided_by_org,
            policy_basis=policy_basis,
            reason=reason,
        )

        paid_by_partner_read.additional_properties = d
        return paid_by_partner_read

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
