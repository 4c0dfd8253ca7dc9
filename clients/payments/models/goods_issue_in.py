from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.goods_issue_in_category import GoodsIssueInCategory
from ..models.goods_issue_in_item import GoodsIssueInItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="GoodsIssueIn")


@_attrs_define
class GoodsIssueIn:
    """Goods issued to a household, against the recipient's signed receipt.

    Attributes:
        household_id (str):
        division_code (str): 户所在乡镇或村，须在灾害所在县内
        category (GoodsIssueInCategory): 优先类别（通知的顺序），同户的救灾资金类别
        item (GoodsIssueInItem):
        quantity (int):
        issued_on (datetime.date): 发放日期：不早于灾害发生日，不晚于今日
        recipient_name (str): 签收人姓名
        signature_ref (str): 签收单编号
        case_id (None | str | Unset):
        out_of_order_reason (None | str | Unset): 优先户尚未领到该物资时先发给本户的理由（否则409 out-of-priority-order）
    """

    household_id: str
    division_code: str
    category: GoodsIssueInCategory
    item: GoodsIssueInItem
    quantity: int
    issued_on: datetime.date
    recipient_name: str
    signature_ref: str
    case_id: None | str | Unset = UNSET
    out_of_order_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        household_id = self.household_id

        division_code = self.division_code

        category = self.category.value

        item = self.item.value

        quantity = self.quantity

        issued_on = self.issued_on.isoformat()

        recipient_name = self.recipient_name

        signature_ref = self.signature_ref

        case_id: None | str | Unset
        if isinstance(self.case_id, Unset):
            case_id = UNSET
        else:
            case_id = self.case_id

        out_of_order_reason: None | str | Unset
        if isinstance(self.out_of_order_reason, Unset):
            out_of_order_reason = UNSET
        else:
            out_of_order_reason = self.out_of_order_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "household_id": household_id,
                "division_code": division_code,
                "category": category,
                "item": item,
                "quantity": quantity,
                "issued_on": issued_on,
                "recipient_name": recipient_name,
                "signature_ref": signature_ref,
            }
        )
        if case_id is not UNSET:
            field_dict["case_id"] = case_id
        if out_of_order_reason is not UNSET:
            field_dict["out_of_order_reason"] = out_of_order_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        household_id = d.pop("household_id")

        division_code = d.pop("division_code")

        category = GoodsIssueInCategory(d.pop("category"))

        item = GoodsIssueInItem(d.pop("item"))

        quantity = d.pop("quantity")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        recipient_name = d.pop("recipient_name")

        signature_ref = d.pop("signature_ref")

        def _parse_case_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_id = _parse_case_id(d.pop("case_id", UNSET))

        def _parse_out_of_order_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        out_of_order_reason = _parse_out_of_order_reason(
            d.pop("out_of_order_reason", UNSET)
        )

        goods_issue_in = cls(
            household_id=household_id,
            division_code=division_code,
            category=category,
            item=item,
            quantity=quantity,
            issued_on=issued_on,
            recipient_name=recipient_name,
            signature_ref=signature_ref,
            case_id=case_id,
            out_of_order_reason=out_of_order_reason,
        )

        return goods_issue_in
