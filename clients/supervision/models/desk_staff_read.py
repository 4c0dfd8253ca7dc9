from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeskStaffRead")


@_attrs_define
class DeskStaffRead:
    """The township desk's named person (phone masked).

    Attributes:
        division_code (str):
        name (str):
        phone (None | str): masked
        since (datetime.date):
    """

    division_code: str
    name: str
    phone: None | str
    since: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        division_code = self.division_code

        name = self.name

        phone: None | str
        phone = self.phone

        since = self.since.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "division_code": division_code,
                "name": name,
                "phone": phone,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        division_code = d.pop("division_code")

        name = d.pop("name")

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        since = datetime.date.fromisoformat(d.pop("since"))

        desk_staff_read = cls(
            division_code=division_code,
            name=name,
            phone=phone,
            since=since,
        )

        desk_staff_read.additional_properties = d
        return desk_staff_read

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
