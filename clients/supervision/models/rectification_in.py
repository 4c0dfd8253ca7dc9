from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RectificationIn")


@_attrs_define
class RectificationIn:
    """A rectification order on a finding.

    Attributes:
        finding_id (str):
        requirement (str):
        responsible_org (str):
        due_on (datetime.date):
    """

    finding_id: str
    requirement: str
    responsible_org: str
    due_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        finding_id = self.finding_id

        requirement = self.requirement

        responsible_org = self.responsible_org

        due_on = self.due_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "finding_id": finding_id,
                "requirement": requirement,
                "responsible_org": responsible_org,
                "due_on": due_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        finding_id = d.pop("finding_id")

        requirement = d.pop("requirement")

        responsible_org = d.pop("responsible_org")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        rectification_in = cls(
            finding_id=finding_id,
            requirement=requirement,
            responsible_org=responsible_org,
            due_on=due_on,
        )

        return rectification_in
