from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notice_entry import NoticeEntry


T = TypeVar("T", bound="VillageNotice")


@_attrs_define
class VillageNotice:
    """The notice board of one village or community, named where the register knows it.

    Attributes:
        village_code (str):
        fields (list[str]):
        entries (list[NoticeEntry]):
        village_name (None | str | Unset):
        township_name (None | str | Unset):
        county_name (None | str | Unset):
    """

    village_code: str
    fields: list[str]
    entries: list[NoticeEntry]
    village_name: None | str | Unset = UNSET
    township_name: None | str | Unset = UNSET
    county_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        village_code = self.village_code

        fields = self.fields

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        village_name: None | str | Unset
        if isinstance(self.village_name, Unset):
            village_name = UNSET
        else:
            village_name = self.village_name

        township_name: None | str | Unset
        if isinstance(self.township_name, Unset):
            township_name = UNSET
        else:
            township_name = self.township_name

        county_name: None | str | Unset
        if isinstance(self.county_name, Unset):
            county_name = UNSET
        else:
            county_name = self.county_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "village_code": village_code,
                "fields": fields,
                "entries": entries,
            }
        )
        if village_name is not UNSET:
            field_dict["village_name"] = village_name
        if township_name is not UNSET:
            field_dict["township_name"] = township_name
        if county_name is not UNSET:
            field_dict["county_name"] = county_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.notice_entry import NoticeEntry

        d = dict(src_dict)
        village_code = d.pop("village_code")

        fields = cast(list[str], d.pop("fields"))

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = NoticeEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        def _parse_village_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        village_name = _parse_village_name(d.pop("village_name", UNSET))

        def _parse_township_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        township_name = _parse_township_name(d.pop("township_name", UNSET))

        def _parse_county_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        county_name = _parse_county_name(d.pop("county_name", UNSET))

        village_notice = cls(
            village_code=village_code,
            fields=fields,
            entries=entries,
            village_name=village_name,
            township_name=township_name,
            county_name=county_name,
        )

        village_notice.additional_properties = d
        return village_notice

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
