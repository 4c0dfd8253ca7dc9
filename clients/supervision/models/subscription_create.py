from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subscription_create_event_types_item import (
    SubscriptionCreateEventTypesItem,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionCreate")


@_attrs_define
class SubscriptionCreate:
    """A webhook: where to POST, and which public events (types, places, programmes).

    Attributes:
        callback_url (str): https URL (plain http only to the hosts the deployment allows); a space or other character
            outside RFC 3986 is percent-encoded
        event_types (list[SubscriptionCreateEventTypesItem]):
        division_codes (list[str]): a county or city code covers every township and village below it
        programmes (list[str] | Unset): empty: every programme
    """

    callback_url: str
    event_types: list[SubscriptionCreateEventTypesItem]
    division_codes: list[str]
    programmes: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        callback_url = self.callback_url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        division_codes = self.division_codes

        programmes: list[str] | Unset = UNSET
        if not isinstance(self.programmes, Unset):
            programmes = self.programmes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "callback_url": callback_url,
                "event_types": event_types,
                "division_codes": division_codes,
            }
        )
        if programmes is not UNSET:
            field_dict["programmes"] = programmes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        callback_url = d.pop("callback_url")

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = SubscriptionCreateEventTypesItem(event_types_item_data)

            event_types.append(event_types_item)

        division_codes = cast(list[str], d.pop("division_codes"))

        programmes = cast(list[str], d.pop("programmes", UNSET))

        subscription_create = cls(
            callback_url=callback_url,
            event_types=event_types,
            division_codes=division_codes,
            programmes=programmes,
        )

        return subscription_create
