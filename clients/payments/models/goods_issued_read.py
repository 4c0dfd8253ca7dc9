from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.goods_issued_read_item import GoodsIssuedReadItem

T = TypeVar("T", bound="GoodsIssuedRead")


@_attrs_define
class GoodsIssuedRead:
    """Goods a household received.

    Attributes:
        item (GoodsIssuedReadItem):
        item_name (str):
        unit (str):
        quantity (int):
        issued_on (datetime.date):
        signature_ref (str):
        out_of_order (bool): issued before a household of an earlier priority
    """

    item: GoodsIssuedReadItem
    item_name: str
    unit: str
    quantity: int
    issued_on: datetime.date
    signature_ref: str
    out_of_order: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item = self.item.value

        item_name = self.item_name

        unit = self.unit

        quantity = self.quantity

        issued_on = self.issued_on.isoformat()

        signature_ref = self.signature_ref

        out_of_order = self.out_of_order

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item": item,
                "item_name": item_name,
                "unit": unit,
                "quantity": quantity,
                "issued_on": issued_on,
                "signature_ref": signature_ref,
                "out_of_order": out_of_order,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        item = GoodsIssuedReadItem(d.pop("item"))

        item_name = d.pop("item_name")

        unit = d.pop("unit")

        quantity = d.pop("quantity")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        signature_ref = d.pop("signature_ref")

        out_of_order = d.pop("out_of_order")

        goods_issued_read = cls(
            item=item,
            item_name=item_name,
            unit=unit,
            quantity=quantity,
            issued_on=issued_on,
            signature_ref=signature_ref,
            out_of_order=out_of_order,
        )

        goods_issued_read.additional_properties = d
        return goods_issued_read

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
