from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

T = TypeVar("T", bound="LifeEventIn")


@_attrs_define
class LifeEventIn:
    """One life event a partner department reports: for now a death from public security (公安).

    Attributes:
        kind (Literal['death']):
        resident_id (str): 18-character resident ID (GB 11643): 17 digits and a digit or X, a real address code and
            birth date, and the check character (ISO 7064 MOD 11-2)
        died_on (datetime.date):
        source_ref (str): the partner's record id
        reported_by_department (Literal['public_security']):
    """

    kind: Literal["death"]
    resident_id: str
    died_on: datetime.date
    source_ref: str
    reported_by_department: Literal["public_security"]

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        resident_id = self.resident_id

        died_on = self.died_on.isoformat()

        source_ref = self.source_ref

        reported_by_department = self.reported_by_department

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "resident_id": resident_id,
                "died_on": died_on,
                "source_ref": source_ref,
                "reported_by_department": reported_by_department,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = cast(Literal["death"], d.pop("kind"))
        if kind != "death":
            raise ValueError(f"kind must match const 'death', got '{kind}'")

        resident_id = d.pop("resident_id")

        died_on = datetime.date.fromisoformat(d.pop("died_on"))

        source_ref = d.pop("source_ref")

        reported_by_department = cast(
            Literal["public_security"], d.pop("reported_by_department")
        )
        if reported_by_department != "public_security":
            raise ValueError(
                f"reported_by_department must match const 'public_security', got '{reported_by_department}'"
            )

        life_event_in = cls(
            kind=kind,
            resident_id=resident_id,
            died_on=died_on,
            source_ref=source_ref,
            reported_by_department=reported_by_department,
        )

        return life_event_in
