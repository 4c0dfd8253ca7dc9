from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AppraisalIn")


@_attrs_define
class AppraisalIn:
    """民主评议: recorded, never deciding alone.

    Attributes:
        held_on (datetime.date):
        participants (int):
        outcome (str):
    """

    held_on: datetime.date
    participants: int
    outcome: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        participants = self.participants

        outcome = self.outcome

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "held_on": held_on,
                "participants": participants,
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        participants = d.pop("participants")

        outcome = d.pop("outcome")

        appraisal_in = cls(
            held_on=held_on,
            participants=participants,
            outcome=outcome,
        )

        appraisal_in.additional_properties = d
        return appraisal_in

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
