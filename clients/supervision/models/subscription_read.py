from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SubscriptionRead")


@_attrs_define
class SubscriptionRead:
    """A subscription as its owner sees it (never its secret).

    Attributes:
        subscription_id (str):
        callback_url (str):
        event_types (list[str]):
        division_codes (list[str]):
        programmes (list[str]):
        status (str):
        owner_client_id (str):
        owner_role (str):
        owner_division (str):
        version (int):
    """

    subscription_id: str
    callback_url: str
    event_types: list[str]
    division_codes: list[str]
    programmes: list[str]
    status: str
    owner_client_id: str
    owner_role: str
    owner_division: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subscription_id = self.subscription_id

        callback_url = self.callback_url

        event_types = self.event_types

        division_codes = self.division_codes

        programmes = self.programmes

        status = self.status

        owner_client_id = self.owner_client_id

        owner_role = self.owner_role

        owner_division = self.owner_division

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subscription_id": subscription_id,
                "callback_url": callback_url,
                "event_types": event_types,
                "division_codes": division_codes,
                "programmes": programmes,
                "status": status,
                "owner_client_id": owner_client_id,
                "owner_role": owner_role,
                "owner_division": owner_division,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subscription_id = d.pop("subscription_id")

        callback_url = d.pop("callback_url")

        event_types = cast(list[str], d.pop("event_types"))

        division_codes = cast(list[str], d.pop("division_codes"))

        programmes = cast(list[str], d.pop("programmes"))

        status = d.pop("status")

        owner_client_id = d.pop("owner_client_id")

        owner_role = d.pop("owner_role")

        owner_division = d.pop("owner_division")

        version = d.pop("version")

        subscription_read = cls(
            subscription_id=subscription_id,
            callback_url=callback_url,
            event_types=event_types,
            division_codes=division_codes,
            programmes=programmes,
            status=status,
            owner_client_id=owner_client_id,
            owner_role=owner_role,
            owner_division=owner_division,
            version=version,
        )

        subscription_read.additional_properties = d
        return subscription_read

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
