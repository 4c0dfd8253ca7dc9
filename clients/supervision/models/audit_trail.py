from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trail_entry import TrailEntry


T = TypeVar("T", bound="AuditTrail")


@_attrs_define
class AuditTrail:
    """The complete timeline of a case across the four services.

    Attributes:
        case_id (str):
        division_code (None | str):
        services (list[str]):
        entries (list[TrailEntry]):
        next_cursor (None | str | Unset):
    """

    case_id: str
    division_code: None | str
    services: list[str]
    entries: list[TrailEntry]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        division_code: None | str
        division_code = self.division_code

        services = self.services

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "division_code": division_code,
                "services": services,
                "entries": entries,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.trail_entry import TrailEntry

        d = dict(src_dict)
        case_id = d.pop("case_id")

        def _parse_division_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        division_code = _parse_division_code(d.pop("division_code"))

        services = cast(list[str], d.pop("services"))

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = TrailEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        audit_trail = cls(
            case_id=case_id,
            division_code=division_code,
            services=services,
            entries=entries,
            next_cursor=next_cursor,
        )

        audit_trail.additional_properties = d
        return audit_trail

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
