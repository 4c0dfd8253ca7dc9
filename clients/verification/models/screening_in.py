from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.screening_in_disability_kind import ScreeningInDisabilityKind
from ..models.screening_in_supporter import ScreeningInSupporter

T = TypeVar("T", bound="ScreeningIn")


@_attrs_define
class ScreeningIn:
    """A disabled person screened by the township against the extreme-poverty rules.

    Attributes:
        resident_id (str): 18-character resident ID (GB 11643): 17 digits and a digit or X, a real address code and
            birth date, and the check character (ISO 7064 MOD 11-2)
        name (str):
        division_code (str): the person's township or village
        disability_kind (ScreeningInDisabilityKind):
        disability_grade (int): 残疾等级: 1 is the most severe
        has_living_source (bool): 有无生活来源 as the township found it
        supporter (ScreeningInSupporter): 法定赡养、抚养、扶养义务人: none 无 | unable 无履行义务能力 | able 有能力
    """

    resident_id: str
    name: str
    division_code: str
    disability_kind: ScreeningInDisabilityKind
    disability_grade: int
    has_living_source: bool
    supporter: ScreeningInSupporter

    def to_dict(self) -> dict[str, Any]:
        resident_id = self.resident_id

        name = self.name

        division_code = self.division_code

        disability_kind = self.disability_kind.value

        disability_grade = self.disability_grade

        has_living_source = self.has_living_source

        supporter = self.supporter.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resident_id": resident_id,
                "name": name,
                "division_code": division_code,
                "disability_kind": disability_kind,
                "disability_grade": disability_grade,
                "has_living_source": has_living_source,
                "supporter": supporter,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        resident_id = d.pop("resident_id")

        name = d.pop("name")

        division_code = d.pop("division_code")

        disability_kind = ScreeningInDisabilityKind(d.pop("disability_kind"))

        disability_grade = d.pop("disability_grade")

        has_living_source = d.pop("has_living_source")

        supporter = ScreeningInSupporter(d.pop("supporter"))

        screening_in = cls(
            resident_id=resident_id,
            name=name,
            division_code=division_code,
            disability_kind=disability_kind,
            disability_grade=disability_grade,
            has_living_source=has_living_source,
            supporter=supporter,
        )

        return screening_in
