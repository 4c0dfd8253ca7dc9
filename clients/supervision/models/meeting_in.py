from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MeetingIn")


@_attrs_define
class MeetingIn:
    """A city joint meeting.

    Attributes:
        held_on (datetime.date):
        topics (list[str]):
        departments (list[str]):
    """

    held_on: datetime.date
    topics: list[str]
    departments: list[str]

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        topics = self.topics

        departments = self.departments

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "topics": topics,
                "departments": departments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        topics = cast(list[str], d.pop("topics"))

        departments = cast(list[str], d.pop("departments"))

        meeting_in = cls(
            held_on=held_on,
            topics=topics,
            departments=departments,
        )

        return meeting_in
