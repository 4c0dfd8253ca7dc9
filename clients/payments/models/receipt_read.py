from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.receipt_read_item import ReceiptReadItem

T = TypeVar("T", bound="ReceiptRead")


@_attrs_define
class ReceiptRead:
    """Goods received into the stock.

    Attributes:
        item (ReceiptReadItem):
        unit (str):
        quantity (int):
        received_on (datetime.date):
        source (str):
        document_ref (str):
    """

    item: ReceiptReadItem
    unit: str
    quantity: int
    received_on: datetime.date
    source: str
    document_ref: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item = self.item.value

        unit = self.unit

        quantity = self.quantity

        received_on = self.received_on.isoformat()

        source = self.source

        document_ref = self.document_ref

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item": item,
                "unit": unit,
                "quantity": quantity,
                "received_on": received_on,
                "source": source,
                "document_ref": document_ref,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        item = ReceiptReadItem(d.pop("item"))

        unit = d.pop("unit")

        quantity = d.pop("quantity")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        source = d.pop("source")

        document_ref = d.pop("document_ref")

        receipt_read = cls(
            item=item,
            unit=unit,
            quantity=quantity,
            received_on=received_on,
            source=source,
            document_ref=document_ref,
        )

        receipt_read.additional_properties = d
        return receipt_read

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
