from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.arrangement import Arrangement
from ..types import UNSET, Unset

T = TypeVar("T", bound="NeedOut")


@_attrs_define
class NeedOut:
    """A need found and the help arranged: what was done, or what was opened for it.

    Attributes:
        need (str):
        arrangement (Arrangement): How the help for a need found on a visit was arranged.
        help_ (None | str | Unset):
        referral_id (None | str | Unset):
        application_id (None | str | Unset):
    """

    need: str
    arrangement: Arrangement
    help_: None | str | Unset = UNSET
    referral_id: None | str | Unset = UNSET
    application_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        need = self.need

        arrangement = self.arrangement.value

        help_: None | str | Unset
        if isinstance(self.help_, Unset):
            help_ = UNSET
        else:
            help_ = self.help_

        referral_id: None | str | Unset
        if isinstance(self.referral_id, Unset):
            referral_id = UNSET
        else:
            referral_id = self.referral_id

        application_id: None | str | Unset
        if isinstance(self.application_id, Unset):
            application_id = UNSET
        else:
            application_id = self.application_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "need": need,
                "arrangement": arrangement,
            }
        )
        if help_ is not UNSET:
            field_dict["help"] = help_
        if referral_id is not UNSET:
            field_dict["referral_id"] = referral_id
        if application_id is not UNSET:
            field_dict["application_id"] = application_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        need = d.pop("need")

        arrangement = Arrangement(d.pop("arrangement"))

        def _parse_help_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        help_ = _parse_help_(d.pop("help", UNSET))

        def _parse_referral_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referral_id = _parse_referral_id(d.pop("referral_id", UNSET))

        def _parse_application_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        application_id = _parse_application_id(d.pop("application_id", UNSET))

        need_out = cls(
            need=need,
            arrangement=arrangement,
            help_=help_,
            referral_id=referral_id,
            application_id=application_id,
        )

        need_out.additional_properties = d
        return need_out

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
