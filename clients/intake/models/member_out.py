from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.relation import Relation
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberOut")


@_attrs_define
class MemberOut:
    """A member as shown to partners: resident ID masked.

    Attributes:
        resident_id_masked (str):
        name (str):
        relation (Relation): A member's relation to the applicant.
        age (int | None | Unset):
        sex (None | str | Unset): male | female, from the resident ID
    """

    resident_id_masked: str
    name: str
    relation: Relation
    age: int | None | Unset = UNSET
    sex: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resident_id_masked = self.resident_id_masked

        name = self.name

        relation = self.relation.value

        age: int | None | Unset
        if isinstance(self.age, Unset):
            age = UNSET
        else:
            age = self.age

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        else:
            sex = self.sex

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resident_id_masked": resident_id_masked,
                "name": name,
                "relation": relation,
            }
        )
        if age is not UNSET:
            field_dict["age"] = age
        if sex is not UNSET:
            field_dict["sex"] = sex

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        resident_id_masked = d.pop("resident_id_masked")

        name = d.pop("name")

        relation = Relation(d.pop("relation"))

        def _parse_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age = _parse_age(d.pop("age", UNSET))

        def _parse_sex(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        member_out = cls(
            resident_id_masked=resident_id_masked,
            name=name,
            relation=relation,
            age=age,
            sex=sex,
        )

        member_out.additional_properties = d
        return member_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
