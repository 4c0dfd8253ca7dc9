from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stock_item_read_item import StockItemReadItem

T = TypeVar("T", bound="StockItemRead")


@_attrs_define
class StockItemRead:
    """One item of the disaster's stock: received, issued and in stock, in the item's unit.

    Attributes:
        item (StockItemReadItem):
        item_name (str): 物资名称
        unit (str): 计量单位
        received (int):
        issued (int):
        in_stock (int):
    """

    item: StockItemReadItem
    item_name: str
    unit: str
    received: int
    issued: int
    in_stock: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item = self.item.value

        item_name = self.item_name

        unit = self.unit

        received = self.received

        issued = self.issued

        in_stock = self.in_stock

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item": item,
                "item_name": item_name,
                "unit": unit,
                "received": received,
                "issued": issued,
                "in_stock": in_stock,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        item = StockItemReadItem(d.pop("item"))

        item_name = d.pop("item_name")

        unit = d.pop("unit")

        received = d.pop("received")

        issued = d.pop("issued")

        in_stock = d.pop("in_stock")

        stock_item_read = cls(
            item=item,
            item_name=item_name,
            unit=unit,
            received=received,
            issued=issued,
            in_stock=in_stock,
        )

        stock_item_read.additional_properties = d
        return stock_item_read

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
