from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Identification")


@_attrs_define
class Identification:
    """The person of an unidentified record is now known (If-Match required).

    Attributes:
        resident_id (str): 18-character resident ID (GB 11643): 17 digits and a digit or X, a real address code and
            birth date, and the check character (ISO 7064 MOD 11-2)
        reason (str):
    """

    resident_id: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        resident_id = self.resident_id

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resident_id": resident_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        resident_id = d.pop("resident_id")

        reason = d.pop("reason")

        identification = cls(
            resident_id=resident_id,
            reason=reason,
        )

        return identification
