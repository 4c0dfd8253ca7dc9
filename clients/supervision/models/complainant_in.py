from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplainantIn")


@_attrs_define
class ComplainantIn:
    """The complainant of a named complaint (kept from everyone but the handling inspector).

    Attributes:
        name (str):
        phone (None | str | Unset):
        resident_id (None | str | Unset):
    """

    name: str
    phone: None | str | Unset = UNSET
    resident_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        resident_id: None | str | Unset
        if isinstance(self.resident_id, Unset):
            resident_id = UNSET
        else:
            resident_id = self.resident_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone
        if resident_id is not UNSET:
            field_dict["resident_id"] = resident_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_resident_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resident_id = _parse_resident_id(d.pop("resident_id", UNSET))

        complainant_in = cls(
            name=name,
            phone=phone,
            resident_id=resident_id,
        )

        return complainant_in
