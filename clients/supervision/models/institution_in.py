from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.institution_kind import InstitutionKind

T = TypeVar("T", bound="InstitutionIn")


@_attrs_define
class InstitutionIn:
    """An institution to register.

    Attributes:
        kind (InstitutionKind): The institutions the notice names.
        name (str):
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county (6), or a
            township (9) or village (12 digits) under a county
        capacity (int):
    """

    kind: InstitutionKind
    name: str
    division_code: str
    capacity: int

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        division_code = self.division_code

        capacity = self.capacity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "division_code": division_code,
                "capacity": capacity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = InstitutionKind(d.pop("kind"))

        name = d.pop("name")

        division_code = d.pop("division_code")

        capacity = d.pop("capacity")

        institution_in = cls(
            kind=kind,
            name=name,
            division_code=division_code,
            capacity=capacity,
        )

        return institution_in
