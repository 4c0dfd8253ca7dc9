from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.help_kind import HelpKind

T = TypeVar("T", bound="HelpRead")


@_attrs_define
class HelpRead:
    """One act of help.

    Attributes:
        help_id (str):
        record_id (str):
        aid_point_id (str):
        aid_point_division (str):
        given_on (datetime.date):
        kinds (list[HelpKind]):
    """

    help_id: str
    record_id: str
    aid_point_id: str
    aid_point_division: str
    given_on: datetime.date
    kinds: list[HelpKind]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        help_id = self.help_id

        record_id = self.record_id

        aid_point_id = self.aid_point_id

        aid_point_division = self.aid_point_division

        given_on = self.given_on.isoformat()

        kinds = []
        for kinds_item_data in self.kinds:
            kinds_item = kinds_item_data.value
            kinds.append(kinds_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "help_id": help_id,
                "record_id": record_id,
                "aid_point_id": aid_point_id,
                "aid_point_division": aid_point_division,
                "given_on": given_on,
                "kinds": kinds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        help_id = d.pop("help_id")

        record_id = d.pop("record_id")

        aid_point_id = d.pop("aid_point_id")

        aid_point_division = d.pop("aid_point_division")

        given_on = datetime.date.fromisoformat(d.pop("given_on"))

        kinds = []
        _kinds = d.pop("kinds")
        for kinds_item_data in _kinds:
            kinds_item = HelpKind(kinds_item_data)

            kinds.append(kinds_item)

        help_read = cls(
            help_id=help_id,
            record_id=record_id,
            aid_point_id=aid_point_id,
            aid_point_division=aid_point_division,
            given_on=given_on,
            kinds=kinds,
        )

        help_read.additional_properties = d
        return help_read

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
