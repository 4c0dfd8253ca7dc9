from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CloseIn")


@_attrs_define
class CloseIn:
    """Closing a hazard.

    Attributes:
        hazard_id (str):
        closed_on (datetime.date):
        note (str):
    """

    hazard_id: str
    closed_on: datetime.date
    note: str

    def to_dict(self) -> dict[str, Any]:
        hazard_id = self.hazard_id

        closed_on = self.closed_on.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hazard_id": hazard_id,
                "closed_on": closed_on,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        hazard_id = d.pop("hazard_id")

        closed_on = datetime.date.fromisoformat(d.pop("closed_on"))

        note = d.pop("note")

        close_in = cls(
            hazard_id=hazard_id,
            closed_on=closed_on,
            note=note,
        )

        return close_in
