from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.safety_activity_read_activity import SafetyActivityReadActivity

T = TypeVar("T", bound="SafetyActivityRead")


@_attrs_define
class SafetyActivityRead:
    """A drill or a staff safety training held.

    Attributes:
        institution_id (str):
        activity (SafetyActivityReadActivity):
        held_on (datetime.date):
        topic (str):
        participants (int):
    """

    institution_id: str
    activity: SafetyActivityReadActivity
    held_on: datetime.date
    topic: str
    participants: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution_id = self.institution_id

        activity = self.activity.value

        held_on = self.held_on.isoformat()

        topic = self.topic

        participants = self.participants

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "institution_id": institution_id,
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
        institution_id = d.pop("institution_id")

        activity = SafetyActivityReadActivity(d.pop("activity"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        topic = d.pop("topic")

        participants = d.pop("participants")

        safety_activity_read = cls(
            institution_id=institution_id,
            activity=activity,
            held_on=held_on,
            topic=topic,
            participants=participants,
        )

        safety_activity_read.additional_properties = d
        return safety_activity_read

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
