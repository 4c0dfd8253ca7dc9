from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.programme import Programme

T = TypeVar("T", bound="HandInCreate")


@_attrs_define
class HandInCreate:
    """A village committee helps a household hand its application in (INT-3).

    Attributes:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county (6), or a
            township (9) or village (12 digits) under a county
        applicant_resident_id (str): 18-character resident ID (GB 11643): 17 digits and a digit or X, a real address
            code and birth date, and the check character (ISO 7064 MOD 11-2)
        programmes (list[Programme]):
        note (str):
    """

    division_code: str
    applicant_resident_id: str
    programmes: list[Programme]
    note: str

    def to_dict(self) -> dict[str, Any]:
        division_code = self.division_code

        applicant_resident_id = self.applicant_resident_id

        programmes = []
        for programmes_item_data in self.programmes:
            programmes_item = programmes_item_data.value
            programmes.append(programmes_item)

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "division_code": division_code,
                "applicant_resident_id": applicant_resident_id,
                "programmes": programmes,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        division_code = d.pop("division_code")

        applicant_resident_id = d.pop("applicant_resident_id")

        programmes = []
        _programmes = d.pop("programmes")
        for programmes_item_data in _programmes:
            programmes_item = Programme(programmes_item_data)

            programmes.append(programmes_item)

        note = d.pop("note")

        hand_in_create = cls(
            division_code=division_code,
            applicant_resident_id=applicant_resident_id,
            programmes=programmes,
            note=note,
        )

        return hand_in_create
