from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.help_kind import HelpKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="HelpCreate")


@_attrs_define
class HelpCreate:
    """Help given at a point in its season (If-Match on the person's record).

    Attributes:
        aid_point_id (str):
        kinds (list[HelpKind]):
        given_on (datetime.date | None | Unset): default: today
        note (None | str | Unset): 救助情况说明: the reason the event records
    """

    aid_point_id: str
    kinds: list[HelpKind]
    given_on: datetime.date | None | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        aid_point_id = self.aid_point_id

        kinds = []
        for kinds_item_data in self.kinds:
            kinds_item = kinds_item_data.value
            kinds.append(kinds_item)

        given_on: None | str | Unset
        if isinstance(self.given_on, Unset):
            given_on = UNSET
        elif isinstance(self.given_on, datetime.date):
            given_on = self.given_on.isoformat()
        else:
            given_on = self.given_on

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "aid_point_id": aid_point_id,
                "kinds": kinds,
            }
        )
        if given_on is not UNSET:
            field_dict["given_on"] = given_on
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        aid_point_id = d.pop("aid_point_id")

        kinds = []
        _kinds = d.pop("kinds")
        for kinds_item_data in _kinds:
            kinds_item = HelpKind(kinds_item_data)

            kinds.append(kinds_item)

        def _parse_given_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                given_on_type_0 = datetime.date.fromisoformat(data)

                return given_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        given_on = _parse_given_on(d.pop("given_on", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        help_create = cls(
            aid_point_id=aid_point_id,
            kinds=kinds,
            given_on=given_on,
            note=note,
        )

        return help_create
