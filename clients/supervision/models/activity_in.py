from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ActivityIn")


@_attrs_define
class ActivityIn:
    """A drill or a staff safety training.

    Attributes:
        activity (str):
        held_on (datetime.date):
        topic (str):
        participants (int):
    """

    activity: str
    held_on: datetime.date
    topic: str
    participants: int

    def to_dict(self) -> dict[str, Any]:
        activity = self.activity

        held_on = self.held_on.isoformat()

        topic = self.topic

        participants = self.participants

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "activity": activity,
                "held_on": held_on,
                "topic": topic,
                "participants": participants,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        activity = d.pop("activity")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        topic = d.pop("topic")

        participants = d.pop("participants")

        activity_in = cls(
            activity=activity,
            held_on=held_on,
            topic=topic,
            participants=participants,
        )

        return activity_in
