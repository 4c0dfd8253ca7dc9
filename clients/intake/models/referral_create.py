from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.agency import Agency
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralCreate")


@_attrs_define
class ReferralCreate:
    """First inquiry: the office asked first records the request and refers it (INT-5).

    Attributes:
        to_agency (Agency): The competent agency that decides a programme.
        to_division (str): the receiving department's division
        need (str):
        subject_resident_id (None | str | Unset):
        case_id (None | str | Unset):
    """

    to_agency: Agency
    to_division: str
    need: str
    subject_resident_id: None | str | Unset = UNSET
    case_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to_agency = self.to_agency.value

        to_division = self.to_division

        need = self.need

        subject_resident_id: None | str | Unset
        if isinstance(self.subject_resident_id, Unset):
            subject_resident_id = UNSET
        else:
            subject_resident_id = self.subject_resident_id

        case_id: None | str | Unset
        if isinstance(self.case_id, Unset):
            case_id = UNSET
        else:
            case_id = self.case_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to_agency": to_agency,
                "to_division": to_division,
                "need": need,
            }
        )
        if subject_resident_id is not UNSET:
            field_dict["subject_resident_id"] = subject_resident_id
        if case_id is not UNSET:
            field_dict["case_id"] = case_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to_agency = Agency(d.pop("to_agency"))

        to_division = d.pop("to_division")

        need = d.pop("need")

        def _parse_subject_resident_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_resident_id = _parse_subject_resident_id(
            d.pop("subject_resident_id", UNSET)
        )

        def _parse_case_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_id = _parse_case_id(d.pop("case_id", UNSET))

        referral_create = cls(
            to_agency=to_agency,
            to_division=to_division,
            need=need,
            subject_resident_id=subject_resident_id,
            case_id=case_id,
        )

        return referral_create
