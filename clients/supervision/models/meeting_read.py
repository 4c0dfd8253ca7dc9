from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MeetingRead")


@_attrs_define
class MeetingRead:
    """A city joint meeting held.

    Attributes:
        city_code (str):
        year (int):
        held_on (datetime.date):
        topics (list[str]):
        departments (list[str]):
    """

    city_code: str
    year: int
    held_on: datetime.date
    topics: list[str]
    departments: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        city_code = self.city_code

        year = self.year

        held_on = self.held_on.isoformat()

        topics = self.topics

        departments = self.departments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "city_code": city_code,
                "year": year,
                "held_on": held_on,
                "topics": topics,
                "departments": departments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        city_code = d.pop("city_code")

        year = d.pop("year")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        topics = cast(list[str], d.pop("topics"))

        departments = cast(list[str], d.pop("departments"))

        meeting_read = cls(
            city_code=city_code,
            year=year,
            held_on=held_on,
            topics=topics,
            departments=departments,
        )

        meeting_read.additional_properties = d
        return meeting_read

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
