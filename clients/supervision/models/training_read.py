from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrainingRead")


@_attrs_define
class TrainingRead:
    """A training of social-assistance staff.

    Attributes:
        division_code (str):
        held_on (datetime.date):
        topic (str):
        attendees (int):
    """

    division_code: str
    held_on: datetime.date
    topic: str
    attendees: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        division_code = self.division_code

        held_on = self.held_on.isoformat()

        topic = self.topic

        attendees = self.attendees

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "division_code": division_code,
                "held_on": held_on,
                "topic": topic,
                "attendees": attendees,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        division_code = d.pop("division_code")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        topic = d.pop("topic")

        attendees = d.pop("attendees")

        training_read = cls(
            division_code=division_code,
            held_on=held_on,
            topic=topic,
            attendees=attendees,
        )

        training_read.additional_properties = d
        return training_read

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
