from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.follow_up_programme import FollowUpProgramme
from ..models.prior_programme import PriorProgramme
from ..types import UNSET, Unset

T = TypeVar("T", bound="PriorAssistanceCreate")


@_attrs_define
class PriorAssistanceCreate:
    """Green channel: assistance before verification (先行救助, INT-7; If-Match required).

    Attributes:
        programme (PriorProgramme): Programmes the green channel may grant before verification (先行救助).
        amount_fen (int):
        resident_id (str): the recipient
        reason (str):
        persons (int | Unset): persons the grant covers: at most the household_size reported (422 `persons-beyond-
            household`); the cap is 3 × the urban dibao standard per person Default: 1.
        bank_account (None | str | Unset):
        payee_name (None | str | Unset): the account holder's name as the bank knows it (户名); required with
            bank_account: the bank refuses a transfer whose name does not match the account
        follow_up_programmes (list[FollowUpProgramme] | Unset):
    """

    programme: PriorProgramme
    amount_fen: int
    resident_id: str
    reason: str
    persons: int | Unset = 1
    bank_account: None | str | Unset = UNSET
    payee_name: None | str | Unset = UNSET
    follow_up_programmes: list[FollowUpProgramme] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        programme = self.programme.value

        amount_fen = self.amount_fen

        resident_id = self.resident_id

        reason = self.reason

        persons = self.persons

        bank_account: None | str | Unset
        if isinstance(self.bank_account, Unset):
            bank_account = UNSET
        else:
            bank_account = self.bank_account

        payee_name: None | str | Unset
        if isinstance(self.payee_name, Unset):
            payee_name = UNSET
        else:
            payee_name = self.payee_name

        follow_up_programmes: list[str] | Unset = UNSET
        if not isinstance(self.follow_up_programmes, Unset):
            follow_up_programmes = []
            for follow_up_programmes_item_data in self.follow_up_programmes:
                follow_up_programmes_item = follow_up_programmes_item_data.value
                follow_up_programmes.append(follow_up_programmes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "programme": programme,
                "amount_fen": amount_fen,
                "resident_id": resident_id,
                "reason": reason,
            }
        )
        if persons is not UNSET:
            field_dict["persons"] = persons
        if bank_account is not UNSET:
            field_dict["bank_account"] = bank_account
        if payee_name is not UNSET:
            field_dict["payee_name"] = payee_name
        if follow_up_programmes is not UNSET:
            field_dict["follow_up_programmes"] = follow_up_programmes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        programme = PriorProgramme(d.pop("programme"))

        amount_fen = d.pop("amount_fen")

        resident_id = d.pop("resident_id")

        reason = d.pop("reason")

        persons = d.pop("persons", UNSET)

        def _parse_bank_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_account = _parse_bank_account(d.pop("bank_account", UNSET))

        def _parse_payee_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payee_name = _parse_payee_name(d.pop("payee_name", UNSET))

        _follow_up_programmes = d.pop("follow_up_programmes", UNSET)
        follow_up_programmes: list[FollowUpProgramme] | Unset = UNSET
        if _follow_up_programmes is not UNSET:
            follow_up_programmes = []
            for follow_up_programmes_item_data in _follow_up_programmes:
                follow_up_programmes_item = FollowUpProgramme(
                    follow_up_programmes_item_data
                )

                follow_up_programmes.append(follow_up_programmes_item)

        prior_assistance_create = cls(
            programme=programme,
            amount_fen=amount_fen,
            resident_id=resident_id,
            reason=reason,
            persons=persons,
            bank_account=bank_account,
            payee_name=payee_name,
            follow_up_programmes=follow_up_programmes,
        )

        return prior_assistance_create
