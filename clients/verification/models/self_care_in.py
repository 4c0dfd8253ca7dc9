from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.self_care_in_ability import SelfCareInAbility

T = TypeVar("T", bound="SelfCareIn")


@_attrs_define
class SelfCareIn:
    """生活自理能力评估: one member's self-care ability as the visit found it (VER-8).

    Attributes:
        resident_id (str): 18-character resident ID (GB 11643): 17 digits and a digit or X, a real address code and
            birth date, and the check character (ISO 7064 MOD 11-2)
        ability (SelfCareInAbility): full 全自理 | partial 半失能 | none 全失能; sets the care standard paid
    """

    resident_id: str
    ability: SelfCareInAbility

    def to_dict(self) -> dict[str, Any]:
        resident_id = self.resident_id

        ability = self.ability.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resident_id": resident_id,
                "ability": ability,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        resident_id = d.pop("resident_id")

        ability = SelfCareInAbility(d.pop("ability"))

        self_care_in = cls(
            resident_id=resident_id,
            ability=ability,
        )

        return self_care_in
