from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeskIn")


@_attrs_define
class DeskIn:
    """The named desk person.

    Attributes:
        name (str):
        since (datetime.date):
        phone (None | str | Unset):
    """

    name: str
    since: datetime.date
    phone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        since = self.since.isoformat()

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "since": since,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        since = datetime.date.fromisoformat(d.pop("since"))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        desk_in = cls(
            name=name,
            since=since,
            phone=phone,
        )

        return desk_in
