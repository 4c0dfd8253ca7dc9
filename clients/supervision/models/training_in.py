from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TrainingIn")


@_attrs_define
class TrainingIn:
    """A training record.

    Attributes:
        held_on (datetime.date):
        topic (str):
        attendees (int):
    """

    held_on: datetime.date
    topic: str
    attendees: int

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        topic = self.topic

        attendees = self.attendees

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "topic": topic,
                "attendees": attendees,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        topic = d.pop("topic")

        attendees = d.pop("attendees")

        training_in = cls(
            held_on=held_on,
            topic=topic,
            attendees=attendees,
        )

        return training_in
