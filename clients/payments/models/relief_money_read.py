from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.relief_payment_read import ReliefPaymentRead


T = TypeVar("T", bound="ReliefMoneyRead")


@_attrs_define
class ReliefMoneyRead:
    """The relief money granted to a household and its payments.

    Attributes:
        granted_fen (int):
        payments (list[ReliefPaymentRead]):
    """

    granted_fen: int
    payments: list[ReliefPaymentRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        granted_fen = self.granted_fen

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "granted_fen": granted_fen,
                "payments": payments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.relief_payment_read import ReliefPaymentRead

        d = dict(src_dict)
        granted_fen = d.pop("granted_fen")

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = ReliefPaymentRead.from_dict(payments_item_data)

            payments.append(payments_item)

        relief_money_read = cls(
            granted_fen=granted_fen,
            payments=payments,
        )

        relief_money_read.additional_properties = d
        return relief_money_read

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
