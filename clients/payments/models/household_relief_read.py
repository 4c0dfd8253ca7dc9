from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.household_relief_read_category import HouseholdReliefReadCategory

if TYPE_CHECKING:
    from ..models.goods_issued_read import GoodsIssuedRead
    from ..models.household_relief_read_goods_totals import (
        HouseholdReliefReadGoodsTotals,
    )
    from ..models.relief_money_read import ReliefMoneyRead


T = TypeVar("T", bound="HouseholdReliefRead")


@_attrs_define
class HouseholdReliefRead:
    """Money and goods one household received for a disaster (救灾款物).

    Attributes:
        disaster_id (str):
        household_id (str):
        case_id (str):
        category (HouseholdReliefReadCategory):
        priority (int):
        money (ReliefMoneyRead): The relief money granted to a household and its payments.
        goods (list[GoodsIssuedRead]):
        goods_totals (HouseholdReliefReadGoodsTotals): item → quantity received
    """

    disaster_id: str
    household_id: str
    case_id: str
    category: HouseholdReliefReadCategory
    priority: int
    money: ReliefMoneyRead
    goods: list[GoodsIssuedRead]
    goods_totals: HouseholdReliefReadGoodsTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        disaster_id = self.disaster_id

        household_id = self.household_id

        case_id = self.case_id

        category = self.category.value

        priority = self.priority

        money = self.money.to_dict()

        goods = []
        for goods_item_data in self.goods:
            goods_item = goods_item_data.to_dict()
            goods.append(goods_item)

        goods_totals = self.goods_totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "disaster_id": disaster_id,
                "household_id": household_id,
                "case_id": case_id,
                "category": category,
                "priority": priority,
                "money": money,
                "goods": goods,
                "goods_totals": goods_totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.goods_issued_read import GoodsIssuedRead
        from ..models.household_relief_read_goods_totals import (
            HouseholdReliefReadGoodsTotals,
        )
        from ..models.relief_money_read import ReliefMoneyRead

        d = dict(src_dict)
        disaster_id = d.pop("disaster_id")

        household_id = d.pop("household_id")

        case_id = d.pop("case_id")

        category = HouseholdReliefReadCategory(d.pop("category"))

        priority = d.pop("priority")

        money = ReliefMoneyRead.from_dict(d.pop("money"))

        goods = []
        _goods = d.pop("goods")
        for goods_item_data in _goods:
            goods_item = GoodsIssuedRead.from_dict(goods_item_data)

            goods.append(goods_item)

        goods_totals = HouseholdReliefReadGoodsTotals.from_dict(d.pop("goods_totals"))

        household_relief_read = cls(
            disaster_id=disaster_id,
            household_id=household_id,
            case_id=case_id,
            category=category,
            priority=priority,
            money=money,
            goods=goods,
            goods_totals=goods_totals,
        )

        household_relief_read.additional_properties = d
        return household_relief_read

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
