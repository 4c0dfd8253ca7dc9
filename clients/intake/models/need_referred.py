from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..models.agency import Agency

T = TypeVar("T", bound="NeedReferred")


@_attrs_define
class NeedReferred:
    """A need referred to the competent department (INT-5: acknowledged in working days).

    Attributes:
        arrangement (Literal['referral']):
        need (str):
        to_agency (Agency): The competent agency that decides a programme.
        to_division (str): the receiving department's division
    """

    arrangement: Literal["referral"]
    need: str
    to_agency: Agency
    to_division: str

    def to_dict(self) -> dict[str, Any]:
        arrangement = self.arrangement

        need = self.need

        to_agency = self.to_agency.value

        to_division = self.to_division

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "arrangement": arrangement,
                "need": need,
                "to_agency": to_agency,
                "to_division": to_division,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        arrangement = cast(Literal["referral"], d.pop("arrangement"))
        if arrangement != "referral":
            raise ValueError(
                f"arrangement must match const 'referral', got '{arrangement}'"
            )

        need = d.pop("need")

        to_agency = Agency(d.pop("to_agency"))

        to_division = d.pop("to_division")

        need_referred = cls(
            arrangement=arrangement,
            need=need,
            to_agency=to_agency,
            to_division=to_division,
        )

        return need_referred
