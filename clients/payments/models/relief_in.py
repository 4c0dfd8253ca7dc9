from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.relief_in_category import ReliefInCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReliefIn")


@_attrs_define
class ReliefIn:
    """Relief for one household.

    Attributes:
        household_id (str):
        category (ReliefInCategory):
        amount_fen (int):
        payee_name (str):
        bank_account (str):
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county (6), or a
            township (9) or village (12 digits) under a county
        reason (str):
        case_id (None | str | Unset):
        in_temporary_shelter (bool | Unset):  Default: False.
    """

    household_id: str
    category: ReliefInCategory
    amount_fen: int
    payee_name: str
    bank_account: str
    division_code: str
    reason: str
    case_id: None | str | Unset = UNSET
    in_temporary_shelter: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        household_id = self.household_id

        category = self.category.value

        amount_fen = self.amount_fen

        payee_name = self.payee_name

        bank_account = self.bank_account

        division_code = self.division_code

        reason = self.reason

        case_id: None | str | Unset
        if isinstance(self.case_id, Unset):
            case_id = UNSET
        else:
            case_id = self.case_id

        in_temporary_shelter = self.in_temporary_shelter

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "household_id": household_id,
                "category": category,
                "amount_fen": amount_fen,
                "payee_name": payee_name,
                "bank_account": bank_account,
                "division_code": division_code,
                "reason": reason,
            }
        )
        if case_id is not UNSET:
            field_dict["case_id"] = case_id
        if in_temporary_shelter is not UNSET:
            field_dict["in_temporary_shelter"] = in_temporary_shelter

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        household_id = d.pop("household_id")

        category = ReliefInCategory(d.pop("category"))

        amount_fen = d.pop("amount_fen")

        payee_name = d.pop("payee_name")

        bank_account = d.pop("bank_account")

        division_code = d.pop("division_code")

        reason = d.pop("reason")

        def _parse_case_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_id = _parse_case_id(d.pop("case_id", UNSET))

        in_temporary_shelter = d.pop("in_temporary_shelter", UNSET)

        relief_in = cls(
            household_id=household_id,
            category=category,
            amount_fen=amount_fen,
            payee_name=payee_name,
            bank_account=bank_account,
            division_code=division_code,
            reason=reason,
            case_id=case_id,
            in_temporary_shelter=in_temporary_shelter,
        )

        return relief_in
