from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NoticeEntry")


@_attrs_define
class NoticeEntry:
    """One household on a notice: only the configured fields are filled.

    Attributes:
        programme (str):
        status (str):
        name (None | str | Unset):
        household_size (int | None | Unset):
        members (list[str] | None | Unset):
        income_fen (int | None | Unset):
        amount_fen (int | None | Unset):
        objections_until (datetime.date | None | Unset):
    """

    programme: str
    status: str
    name: None | str | Unset = UNSET
    household_size: int | None | Unset = UNSET
    members: list[str] | None | Unset = UNSET
    income_fen: int | None | Unset = UNSET
    amount_fen: int | None | Unset = UNSET
    objections_until: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        programme = self.programme

        status = self.status

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        household_size: int | None | Unset
        if isinstance(self.household_size, Unset):
            household_size = UNSET
        else:
            household_size = self.household_size

        members: list[str] | None | Unset
        if isinstance(self.members, Unset):
            members = UNSET
        elif isinstance(self.members, list):
            members = self.members

        else:
            members = self.members

        income_fen: int | None | Unset
        if isinstance(self.income_fen, Unset):
            income_fen = UNSET
        else:
            income_fen = self.income_fen

        amount_fen: int | None | Unset
        if isinstance(self.amount_fen, Unset):
            amount_fen = UNSET
        else:
            amount_fen = self.amount_fen

        objections_until: None | str | Unset
        if isinstance(self.objections_until, Unset):
            objections_until = UNSET
        elif isinstance(self.objections_until, datetime.date):
            objections_until = self.objections_until.isoformat()
        else:
            objections_until = self.objections_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "programme": programme,
                "status": status,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if household_size is not UNSET:
            field_dict["household_size"] = household_size
        if members is not UNSET:
            field_dict["members"] = members
        if income_fen is not UNSET:
            field_dict["income_fen"] = income_fen
        if amount_fen is not UNSET:
            field_dict["amount_fen"] = amount_fen
        if objections_until is not UNSET:
            field_dict["objections_until"] = objections_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        programme = d.pop("programme")

        status = d.pop("status")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_household_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        household_size = _parse_household_size(d.pop("household_size", UNSET))

        def _parse_members(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                members_type_0 = cast(list[str], data)

                return members_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        members = _parse_members(d.pop("members", UNSET))

        def _parse_income_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        income_fen = _parse_income_fen(d.pop("income_fen", UNSET))

        def _parse_amount_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_fen = _parse_amount_fen(d.pop("amount_fen", UNSET))

        def _parse_objections_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                objections_until_type_0 = datetime.date.fromisoformat(data)

                return objections_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        objections_until = _parse_objections_until(d.pop("objections_until", UNSET))

        notice_entry = cls(
            programme=programme,
            status=status,
            name=name,
            household_size=household_size,
            members=members,
            income_fen=income_fen,
            amount_fen=amount_fen,
            objections_until=objections_until,
        )

        notice_entry.additional_properties = d
        return notice_entry

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
