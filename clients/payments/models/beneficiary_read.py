from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BeneficiaryRead")


@_attrs_define
class BeneficiaryRead:
    """A beneficiary: status, entitlement in force and how it was computed.

    Attributes:
        case_id (str):
        programme (str):
        version (int):
        division_code (str):
        county_code (str):
        status (str):
        monthly_amount_fen (int):
        effective_from (datetime.date):
        method (str):
        explanation_en (str):
        explanation_zh (str):
        payee_name_masked (str):
        bank_account_masked (None | str):
        stopped_from (datetime.date | None | Unset): suspended or terminated from: periods from then are not paid
        resumed_from (datetime.date | None | Unset): paid again from (ADR 0066): the periods from `stopped_from` until
            then are not paid; null when no stop is lifted from a later date
    """

    case_id: str
    programme: str
    version: int
    division_code: str
    county_code: str
    status: str
    monthly_amount_fen: int
    effective_from: datetime.date
    method: str
    explanation_en: str
    explanation_zh: str
    payee_name_masked: str
    bank_account_masked: None | str
    stopped_from: datetime.date | None | Unset = UNSET
    resumed_from: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        programme = self.programme

        version = self.version

        division_code = self.division_code

        county_code = self.county_code

        status = self.status

        monthly_amount_fen = self.monthly_amount_fen

        effective_from = self.effective_from.isoformat()

        method = self.method

        explanation_en = self.explanation_en

        explanation_zh = self.explanation_zh

        payee_name_masked = self.payee_name_masked

        bank_account_masked: None | str
        bank_account_masked = self.bank_account_masked

        stopped_from: None | str | Unset
        if isinstance(self.stopped_from, Unset):
            stopped_from = UNSET
        elif isinstance(self.stopped_from, datetime.date):
            stopped_from = self.stopped_from.isoformat()
        else:
            stopped_from = self.stopped_from

        resumed_from: None | str | Unset
        if isinstance(self.resumed_from, Unset):
            resumed_from = UNSET
        elif isinstance(self.resumed_from, datetime.date):
            resumed_from = self.resumed_from.isoformat()
        else:
            resumed_from = self.resumed_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "programme": programme,
                "version": version,
                "division_code": division_code,
                "county_code": county_code,
                "status": status,
                "monthly_amount_fen": monthly_amount_fen,
                "effective_from": effective_from,
                "method": method,
                "explanation_en": explanation_en,
                "explanation_zh": explanation_zh,
                "payee_name_masked": payee_name_masked,
                "bank_account_masked": bank_account_masked,
            }
        )
        if stopped_from is not UNSET:
            field_dict["stopped_from"] = stopped_from
        if resumed_from is not UNSET:
            field_dict["resumed_from"] = resumed_from

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        case_id = d.pop("case_id")

        programme = d.pop("programme")

        version = d.pop("version")

        division_code = d.pop("division_code")

        county_code = d.pop("county_code")

        status = d.pop("status")

        monthly_amount_fen = d.pop("monthly_amount_fen")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        method = d.pop("method")

        explanation_en = d.pop("explanation_en")

        explanation_zh = d.pop("explanation_zh")

        payee_name_masked = d.pop("payee_name_masked")

        def _parse_bank_account_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bank_account_masked = _parse_bank_account_masked(d.pop("bank_account_masked"))

        def _parse_stopped_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stopped_from_type_0 = datetime.date.fromisoformat(data)

                return stopped_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        stopped_from = _parse_stopped_from(d.pop("stopped_from", UNSET))

        def _parse_resumed_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resumed_from_type_0 = datetime.date.fromisoformat(data)

                return resumed_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        resumed_from = _parse_resumed_from(d.pop("resumed_from", UNSET))

        beneficiary_read = cls(
            case_id=case_id,
            programme=programme,
            version=version,
            division_code=division_code,
            county_code=county_code,
            status=status,
            monthly_amount_fen=monthly_amount_fen,
            effective_from=effective_from,
            method=method,
            explanation_en=explanation_en,
            explanation_zh=explanation_zh,
            payee_name_masked=payee_name_masked,
            bank_account_masked=bank_account_masked,
            stopped_from=stopped_from,
            resumed_from=resumed_from,
        )

        beneficiary_read.additional_properties = d
        return beneficiary_read

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
