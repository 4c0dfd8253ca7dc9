from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RoughSleeperCreate")


@_attrs_define
class RoughSleeperCreate:
    """A person met sleeping rough: by resident ID, or — unidentified — described and placed.

    Attributes:
        division_code (str): where the person was met
        resident_id (None | str | Unset):
        appearance (None | str | Unset): 体貌特征：required without a resident ID
        found_address (None | str | Unset): 发现地点：required without a resident ID
        stated_name (None | str | Unset): 自报姓名
    """

    division_code: str
    resident_id: None | str | Unset = UNSET
    appearance: None | str | Unset = UNSET
    found_address: None | str | Unset = UNSET
    stated_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        division_code = self.division_code

        resident_id: None | str | Unset
        if isinstance(self.resident_id, Unset):
            resident_id = UNSET
        else:
            resident_id = self.resident_id

        appearance: None | str | Unset
        if isinstance(self.appearance, Unset):
            appearance = UNSET
        else:
            appearance = self.appearance

        found_address: None | str | Unset
        if isinstance(self.found_address, Unset):
            found_address = UNSET
        else:
            found_address = self.found_address

        stated_name: None | str | Unset
        if isinstance(self.stated_name, Unset):
            stated_name = UNSET
        else:
            stated_name = self.stated_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "division_code": division_code,
            }
        )
        if resident_id is not UNSET:
            field_dict["resident_id"] = resident_id
        if appearance is not UNSET:
            field_dict["appearance"] = appearance
        if found_address is not UNSET:
            field_dict["found_address"] = found_address
        if stated_name is not UNSET:
            field_dict["stated_name"] = stated_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        division_code = d.pop("division_code")

        def _parse_resident_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resident_id = _parse_resident_id(d.pop("resident_id", UNSET))

        def _parse_appearance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        appearance = _parse_appearance(d.pop("appearance", UNSET))

        def _parse_found_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        found_address = _parse_found_address(d.pop("found_address", UNSET))

        def _parse_stated_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stated_name = _parse_stated_name(d.pop("stated_name", UNSET))

        rough_sleeper_create = cls(
            division_code=division_code,
            resident_id=resident_id,
            appearance=appearance,
            found_address=found_address,
            stated_name=stated_name,
        )

        return rough_sleeper_create
