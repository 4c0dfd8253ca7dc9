from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

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

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        participants = self.participants

        outcome = self.outcome

        field_dict: dict[str, Any] = {}

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

        return appraisal_in
