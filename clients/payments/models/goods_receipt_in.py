from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.goods_receipt_in_item import GoodsReceiptInItem

T = TypeVar("T", bound="GoodsReceiptIn")


@_attrs_define
class GoodsReceiptIn:
    """Goods received into the disaster's stock.

    Attributes:
        item (GoodsReceiptInItem):
        quantity (int): 件数，按物资的计量单位
        received_on (datetime.date): 入库日期：不早于灾害发生日，不晚于今日
        source (str): 来源：省级调拨、社会捐赠…
        document_ref (str): 调拨单或入库单编号
    """

    item: GoodsReceiptInItem
    quantity: int
    received_on: datetime.date
    source: str
    document_ref: str

    def to_dict(self) -> dict[str, Any]:
        item = self.item.value

        quantity = self.quantity

        received_on = self.received_on.isoformat()

        source = self.source

        document_ref = self.document_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "item": item,
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
        item = GoodsReceiptInItem(d.pop("item"))

        quantity = d.pop("quantity")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        source = d.pop("source")

        document_ref = d.pop("document_ref")

        goods_receipt_in = cls(
            item=item,
            quantity=quantity,
            received_on=received_on,
            source=source,
            document_ref=document_ref,
        )

        return goods_receipt_in
