from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PurchasedServiceRead")


@_attrs_define
class PurchasedServiceRead:
    """A service the division purchased.

    Attributes:
        division_code (str):
        provider (str):
        service (str):
        amount_fen (int):
        period_from (datetime.date):
        period_to (datetime.date):
    """

    division_code: str
    provider: str
    service: str
    amount_fen: int
    period_from: datetime.date
    period_to: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        division_code = self.division_code

        provider = self.provider

        service = self.service

        amount_fen = self.amount_fen

        period_from = self.period_from.isoformat()

        period_to = self.period_to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "division_code": division_code,
                "provider": provider,
                "service": service,
                "amount_fen": amount_fen,
                "period_from": period_from,
                "period_to": period_to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        division_code = d.pop("division_code")

        provider = d.pop("provider")

        service = d.pop("service")

        amount_fen = d.pop("amount_fen")

        period_from = datetime.date.fromisoformat(d.pop("period_from"))

        period_to = datetime.date.fromisoformat(d.pop("period_to"))

        purchased_service_read = cls(
            division_code=division_code,
            provider=provider,
            service=service,
            amount_fen=amount_fen,
            period_from=period_from,
            period_to=period_to,
        )

        purchased_service_read.additional_properties = d
        return purchased_service_read

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
