from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_read import IssueRead
    from ..models.receipt_read import ReceiptRead
    from ..models.stock_item_read import StockItemRead


T = TypeVar("T", bound="GoodsStockRead")


@_attrs_define
class GoodsStockRead:
    """A disaster's relief goods: per item, every receipt and every issue.

    Attributes:
        disaster_id (str):
        county_code (str):
        version (int): the stock's version (0: nothing received yet): If-Match
        items (list[StockItemRead]):
        receipts (list[ReceiptRead]):
        issues (list[IssueRead]):
    """

    disaster_id: str
    county_code: str
    version: int
    items: list[StockItemRead]
    receipts: list[ReceiptRead]
    issues: list[IssueRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        disaster_id = self.disaster_id

        county_code = self.county_code

        version = self.version

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        receipts = []
        for receipts_item_data in self.receipts:
            receipts_item = receipts_item_data.to_dict()
            receipts.append(receipts_item)

        issues = []
        for issues_item_data in self.issues:
            issues_item = issues_item_data.to_dict()
            issues.append(issues_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "disaster_id": disaster_id,
                "county_code": county_code,
                "version": version,
                "items": items,
                "receipts": receipts,
                "issues": issues,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.issue_read import IssueRead
        from ..models.receipt_read import ReceiptRead
        from ..models.stock_item_read import StockItemRead

        d = dict(src_dict)
        disaster_id = d.pop("disaster_id")

        county_code = d.pop("county_code")

        version = d.pop("version")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = StockItemRead.from_dict(items_item_data)

            items.append(items_item)

        receipts = []
        _receipts = d.pop("receipts")
        for receipts_item_data in _receipts:
            receipts_item = ReceiptRead.from_dict(receipts_item_data)

            receipts.append(receipts_item)

        issues = []
        _issues = d.pop("issues")
        for issues_item_data in _issues:
            issues_item = IssueRead.from_dict(issues_item_data)

            issues.append(issues_item)

        goods_stock_read = cls(
            disaster_id=disaster_id,
            county_code=county_code,
            version=version,
            items=items,
            receipts=receipts,
            issues=issues,
        )

        goods_stock_read.additional_properties = d
        return goods_stock_read

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
