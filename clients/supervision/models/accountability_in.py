from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AccountabilityIn")


@_attrs_define
class AccountabilityIn:
    """An accountability measure (追责问责).

    Attributes:
        finding_id (str):
        person_role (str):
        org (str):
        measure (str):
        decided_on (datetime.date):
    """

    finding_id: str
    person_role: str
    org: str
    measure: str
    decided_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        finding_id = self.finding_id

        person_role = self.person_role

        org = self.org

        measure = self.measure

        decided_on = self.decided_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "finding_id": finding_id,
                "person_role": person_role,
                "org": org,
                "measure": measure,
                "decided_on": decided_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        finding_id = d.pop("finding_id")

        person_role = d.pop("person_role")

        org = d.pop("org")

        measure = d.pop("measure")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        accountability_in = cls(
            finding_id=finding_id,
            person_role=person_role,
            org=org,
            measure=measure,
            decided_on=decided_on,
        )

        return accountability_in
