from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChildSummary")


@_attrs_define
class ChildSummary:
    """A child in the register's list.

    Attributes:
        child_id (str):
        version (int):
        name (str):
        resident_id_masked (str):
        division_code (str):
        category (str):
        guardianship_status (str):
        visits (int):
        last_visit_on (datetime.date | None):
        follow_up_needed (bool):
        allowance (None | str):
    """

    child_id: str
    version: int
    name: str
    resident_id_masked: str
    division_code: str
    category: str
    guardianship_status: str
    visits: int
    last_visit_on: datetime.date | None
    follow_up_needed: bool
    allowance: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        child_id = self.child_id

        version = self.version

        name = self.name

        resident_id_masked = self.resident_id_masked

        division_code = self.division_code

        category = self.category

        guardianship_status = self.guardianship_status

        visits = self.visits

        last_visit_on: None | str
        if isinstance(self.last_visit_on, datetime.date):
            last_visit_on = self.last_visit_on.isoformat()
        else:
            last_visit_on = self.last_visit_on

        follow_up_needed = self.follow_up_needed

        allowance: None | str
        allowance = self.allowance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "child_id": child_id,
                "version": version,
                "name": name,
                "resident_id_masked": resident_id_masked,
                "division_code": division_code,
                "category": category,
                "guardianship_status": guardianship_status,
                "visits": visits,
                "last_visit_on": last_visit_on,
                "follow_up_needed": follow_up_needed,
                "allowance": allowance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        child_id = d.pop("child_id")

        version = d.pop("version")

        name = d.pop("name")

        resident_id_masked = d.pop("resident_id_masked")

        division_code = d.pop("division_code")

        category = d.pop("category")

        guardianship_status = d.pop("guardianship_status")

        visits = d.pop("visits")

        def _parse_last_visit_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_visit_on_type_0 = datetime.date.fromisoformat(data)

                return last_visit_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_visit_on = _parse_last_visit_on(d.pop("last_visit_on"))

        follow_up_needed = d.pop("follow_up_needed")

        def _parse_allowance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        allowance = _parse_allowance(d.pop("allowance"))

        child_summary = cls(
            child_id=child_id,
            version=version,
            name=name,
            resident_id_masked=resident_id_masked,
            division_code=division_code,
            category=category,
            guardianship_status=guardianship_status,
            visits=visits,
            last_visit_on=last_visit_on,
            follow_up_needed=follow_up_needed,
            allowance=allowance,
        )

        child_summary.additional_properties = d
        return child_summary

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
