from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.season_kind import SeasonKind

T = TypeVar("T", bound="SeasonAddition")


@_attrs_define
class SeasonAddition:
    """Another season of the point, and why it opens (If-Match required).

    Attributes:
        kind (SeasonKind): What a point's season is for.
        starts_on (datetime.date):
        ends_on (datetime.date):
        reason (str):
    """

    kind: SeasonKind
    starts_on: datetime.date
    ends_on: datetime.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = SeasonKind(d.pop("kind"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        reason = d.pop("reason")

        season_addition = cls(
            kind=kind,
            starts_on=starts_on,
            ends_on=ends_on,
            reason=reason,
        )

        return season_addition
