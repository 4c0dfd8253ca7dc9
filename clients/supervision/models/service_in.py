from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ServiceIn")


@_attrs_define
class ServiceIn:
    """A purchased service.

    Attributes:
        provider (str):
        service (str):
        amount_fen (int):
        period_from (datetime.date):
        period_to (datetime.date):
    """

    provider: str
    service: str
    amount_fen: int
    period_from: datetime.date
    period_to: datetime.date

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider

        service = self.service

        amount_fen = self.amount_fen

        period_from = self.period_from.isoformat()

        period_to = self.period_to.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
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
        provider = d.pop("provider")

        service = d.pop("service")

        amount_fen = d.pop("amount_fen")

        period_from = datetime.date.fromisoformat(d.pop("period_from"))

        period_to = datetime.date.fromisoformat(d.pop("period_to"))

        service_in = cls(
            provider=provider,
            service=service,
            amount_fen=amount_fen,
            period_from=period_from,
            period_to=period_to,
        )

        return service_in
