from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SolvedIn")


@_attrs_define
class SolvedIn:
    """How a sheltered household's housing was solved.

    Attributes:
        solved_on (datetime.date):
        how (str): 重建、维修、安置…
    """

    solved_on: datetime.date
    how: str

    def to_dict(self) -> dict[str, Any]:
        solved_on = self.solved_on.isoformat()

        how = self.how

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "solved_on": solved_on,
                "how": how,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        solved_on = datetime.date.fromisoformat(d.pop("solved_on"))

        how = d.pop("how")

        solved_in = cls(
            solved_on=solved_on,
            how=how,
        )

        return solved_in
