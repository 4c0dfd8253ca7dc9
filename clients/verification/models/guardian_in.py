from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.guardian_in_relation import GuardianInRelation
from ..types import UNSET, Unset

T = TypeVar("T", bound="GuardianIn")


@_attrs_define
class GuardianIn:
    """监护人: a person (with resident ID) or a welfare institution.

    Attributes:
        name (str):
        relation (GuardianInRelation):
        resident_id (None | str | Unset): required for a person
        phone (None | str | Unset):
        bank_account (None | str | Unset): where an allowance is paid
    """

    name: str
    relation: GuardianInRelation
    resident_id: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    bank_account: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        relation = self.relation.value

        resident_id: None | str | Unset
        if isinstance(self.resident_id, Unset):
            resident_id = UNSET
        else:
            resident_id = self.resident_id

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        bank_account: None | str | Unset
        if isinstance(self.bank_account, Unset):
            bank_account = UNSET
        else:
            bank_account = self.bank_account

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "relation": relation,
            }
        )
        if resident_id is not UNSET:
            field_dict["resident_id"] = resident_id
        if phone is not UNSET:
            field_dict["phone"] = phone
        if bank_account is not UNSET:
            field_dict["bank_account"] = bank_account

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        relation = GuardianInRelation(d.pop("relation"))

        def _parse_resident_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resident_id = _parse_resident_id(d.pop("resident_id", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_bank_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_account = _parse_bank_account(d.pop("bank_account", UNSET))

        guardian_in = cls(
            name=name,
            relation=relation,
            resident_id=resident_id,
            phone=phone,
            bank_account=bank_account,
        )

        return guardian_in
