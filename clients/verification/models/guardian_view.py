from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GuardianView")


@_attrs_define
class GuardianView:
    """The guardian, identifiers masked.

    Attributes:
        name (str):
        relation (str):
        resident_id_masked (None | str):
        phone_masked (None | str):
        bank_account_masked (None | str):
    """

    name: str
    relation: str
    resident_id_masked: None | str
    phone_masked: None | str
    bank_account_masked: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        relation = self.relation

        resident_id_masked: None | str
        resident_id_masked = self.resident_id_masked

        phone_masked: None | str
        phone_masked = self.phone_masked

        bank_account_masked: None | str
        bank_account_masked = self.bank_account_masked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "relation": relation,
                "resident_id_masked": resident_id_masked,
                "phone_masked": phone_masked,
                "bank_account_masked": bank_account_masked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        relation = d.pop("relation")

        def _parse_resident_id_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resident_id_masked = _parse_resident_id_masked(d.pop("resident_id_masked"))

        def _parse_phone_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone_masked = _parse_phone_masked(d.pop("phone_masked"))

        def _parse_bank_account_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bank_account_masked = _parse_bank_account_masked(d.pop("bank_account_masked"))

        guardian_view = cls(
            name=name,
            relation=relation,
            resident_id_masked=resident_id_masked,
            phone_masked=phone_masked,
            bank_account_masked=bank_account_masked,
        )

        guardian_view.additional_properties = d
        return guardian_view

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
