from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.relation import Relation
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberIn")


@_attrs_define
class MemberIn:
    """A household member as the office declares them.

    Attributes:
        resident_id (str): 18-character resident ID (GB 11643 check)
        name (str):
        relation (Relation): A member's relation to the applicant.
        disability_grade (int | None | Unset): 残疾等级 1–4
        health (None | str | Unset):
        work (None | str | Unset):
        schooling (None | str | Unset):
    """

    resident_id: str
    name: str
    relation: Relation
    disability_grade: int | None | Unset = UNSET
    health: None | str | Unset = UNSET
    work: None | str | Unset = UNSET
    schooling: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        resident_id = self.resident_id

        name = self.name

        relation = self.relation.value

        disability_grade: int | None | Unset
        if isinstance(self.disability_grade, Unset):
            disability_grade = UNSET
        else:
            disability_grade = self.disability_grade

        health: None | str | Unset
        if isinstance(self.health, Unset):
            health = UNSET
        else:
            health = self.health

        work: None | str | Unset
        if isinstance(self.work, Unset):
            work = UNSET
        else:
            work = self.work

        schooling: None | str | Unset
        if isinstance(self.schooling, Unset):
            schooling = UNSET
        else:
            schooling = self.schooling

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resident_id": resident_id,
                "name": name,
                "relation": relation,
            }
        )
        if disability_grade is not UNSET:
            field_dict["disability_grade"] = disability_grade
        if health is not UNSET:
            field_dict["health"] = health
        if work is not UNSET:
            field_dict["work"] = work
        if schooling is not UNSET:
            field_dict["schooling"] = schooling

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        resident_id = d.pop("resident_id")

        name = d.pop("name")

        relation = Relation(d.pop("relation"))

        def _parse_disability_grade(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        disability_grade = _parse_disability_grade(d.pop("disability_grade", UNSET))

        def _parse_health(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        health = _parse_health(d.pop("health", UNSET))

        def _parse_work(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        work = _parse_work(d.pop("work", UNSET))

        def _parse_schooling(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        schooling = _parse_schooling(d.pop("schooling", UNSET))

        member_in = cls(
            resident_id=resident_id,
            name=name,
            relation=relation,
            disability_grade=disability_grade,
            health=health,
            work=work,
            schooling=schooling,
        )

        return member_in
