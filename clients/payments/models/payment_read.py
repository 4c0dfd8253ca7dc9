from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentRead")


@_attrs_define
class PaymentRead:
    """A payment as partners see it (payee and account masked).

    Attributes:
        payment_id (str):
        case_id (str):
        programme (str):
        period (str):
        amount_fen (int):
        monthly_fen (int):
        back_pay_fen (int): 补发 back pay for past months: a raise applied retroactively, and months due but not paid (no
            account or no standard then, or approved after the month's run closed: ADR 0061); the audit trail's
            BackPayCalculated names the months
        attempt (int):
        status (str):
        outcome (None | str):
        bank_reason (None | str):
        payee_name_masked (str):
        bank_account_masked (str):
        settled_at (datetime.datetime | None):
        price_subsidy_fen (int | Unset):  Default: 0.
        instruction_id (None | str | Unset): 流水号: the bank's serial number of the latest attempt
    """

    payment_id: str
    case_id: str
    programme: str
    period: str
    amount_fen: int
    monthly_fen: int
    back_pay_fen: int
    attempt: int
    status: str
    outcome: None | str
    bank_reason: None | str
    payee_name_masked: str
    bank_account_masked: str
    settled_at: datetime.datetime | None
    price_subsidy_fen: int | Unset = 0
    instruction_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payment_id = self.payment_id

        case_id = self.case_id

        programme = self.programme

        period = self.period

        amount_fen = self.amount_fen

        monthly_fen = self.monthly_fen

        back_pay_fen = self.back_pay_fen

        attempt = self.attempt

        status = self.status

        outcome: None | str
        outcome = self.outcome

        bank_reason: None | str
        bank_reason = self.bank_reason

        payee_name_masked = self.payee_name_masked

        bank_account_masked = self.bank_account_masked

        settled_at: None | str
        if isinstance(self.settled_at, datetime.datetime):
            settled_at = self.settled_at.isoformat()
        else:
            settled_at = self.settled_at

        price_subsidy_fen = self.price_subsidy_fen

        instruction_id: None | str | Unset
        if isinstance(self.instruction_id, Unset):
            instruction_id = UNSET
        else:
            instruction_id = self.instruction_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payment_id": payment_id,
                "case_id": case_id,
                "programme": programme,
                "period": period,
                "amount_fen": amount_fen,
                "monthly_fen": monthly_fen,
                "back_pay_fen": back_pay_fen,
                "attempt": attempt,
                "status": status,
                "outcome": outcome,
                "bank_reason": bank_reason,
                "payee_name_masked": payee_name_masked,
                "bank_account_masked": bank_account_masked,
                "settled_at": settled_at,
            }
        )
        if price_subsidy_fen is not UNSET:
            field_dict["price_subsidy_fen"] = price_subsidy_fen
        if instruction_id is not UNSET:
            field_dict["instruction_id"] = instruction_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        payment_id = d.pop("payment_id")

        case_id = d.pop("case_id")

        programme = d.pop("programme")

        period = d.pop("period")

        amount_fen = d.pop("amount_fen")

        monthly_fen = d.pop("monthly_fen")

        back_pay_fen = d.pop("back_pay_fen")

        attempt = d.pop("attempt")

        status = d.pop("status")

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_bank_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bank_reason = _parse_bank_reason(d.pop("bank_reason"))

        payee_name_masked = d.pop("payee_name_masked")

        bank_account_masked = d.pop("bank_account_masked")

        def _parse_settled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_at_type_0 = datetime.datetime.fromisoformat(data)

                return settled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        settled_at = _parse_settled_at(d.pop("settled_at"))

        price_subsidy_fen = d.pop("price_subsidy_fen", UNSET)

        def _parse_instruction_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instruction_id = _parse_instruction_id(d.pop("instruction_id", UNSET))

        payment_read = cls(
            payment_id=payment_id,
            case_id=case_id,
            programme=programme,
            period=period,
            amount_fen=amount_fen,
            monthly_fen=monthly_fen,
            back_pay_fen=back_pay_fen,
            attempt=attempt,
            status=status,
            outcome=outcome,
            bank_reason=bank_reason,
            payee_name_masked=payee_name_masked,
            bank_account_masked=bank_account_masked,
            settled_at=settled_at,
            price_subsidy_fen=price_subsidy_fen,
            instruction_id=instruction_id,
        )

        payment_read.additional_properties = d
        return payment_read

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
