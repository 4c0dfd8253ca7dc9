from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.relative_in import RelativeIn


T = TypeVar("T", bound="StaffIn")


@_attrs_define
class StaffIn:
    """A cadre or staff member whose relatives must be declared when they apply.

    Attributes:
        resident_id (str): 18-character resident ID (GB 11643): 17 digits and a digit or X, a real address code and
            birth date, and the check character (ISO 7064 MOD 11-2)
        name (str):
        org (str):
        role (str):
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county (6), or a
            township (9) or village (12 digits) under a county
        relatives (list[RelativeIn] | Unset):
    """

    resident_id: str
    name: str
    org: str
    role: str
    division_code: str
    relatives: list[RelativeIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        resident_id = self.resident_id

        name = self.name

        org = self.org

        role = self.role

        division_code = self.division_code

        relatives: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.relatives, Unset):
            relatives = []
            for relatives_item_data in self.relatives:
                relatives_item = relatives_item_data.to_dict()
                relatives.append(relatives_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resident_id": resident_id,
                "name": name,
                "org": org,
                "role": role,
                "division_code": division_code,
            }
        )
        if relatives is not UNSET:
            field_dict["relatives"] = relatives

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.relative_in import RelativeIn

        d = dict(src_dict)
        resident_id = d.pop("resident_id")

        name = d.pop("name")

        org = d.pop("org")

        role = d.pop("role")

        division_code = d.pop("division_code")

        _relatives = d.pop("relatives", UNSET)
        relatives: list[RelativeIn] | Unset = UNSET
        if _relatives is not UNSET:
            relatives = []
            for relatives_item_data in _relatives:
                relatives_item = RelativeIn.from_dict(relatives_item_data)

                relatives.append(relatives_item)

        staff_in = cls(
            resident_id=resident_id,
            name=name,
            org=org,
            role=role,
            division_code=division_code,
            relatives=relatives,
        )

        return staff_in
