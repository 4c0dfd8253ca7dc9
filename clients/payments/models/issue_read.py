from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.issue_read_category import IssueReadCategory
from ..models.issue_read_item import IssueReadItem

T = TypeVar("T", bound="IssueRead")


@_attrs_define
class IssueRead:
    """Goods issued to a household (the recipient's name masked).

    Attributes:
        household_id (str):
        division_code (str):
        category (IssueReadCategory):
        priority (int):
        item (IssueReadItem):
        quantity (int):
        issued_on (datetime.date):
        recipient_name_masked (str):
        signature_ref (str):
        passed_over (list[str]): households of an earlier priority served later
        out_of_order_reason (None | str):
    """

    household_id: str
    division_code: str
    category: IssueReadCategory
    priority: int
    item: IssueReadItem
    quantity: int
    issued_on: datetime.date
    recipient_name_masked: str
    signature_ref: str
    passed_over: list[str]
    out_of_order_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        household_id = self.household_id

        division_code = self.division_code

        category = self.category.value

        priority = self.priority

        item = self.item.value

        quantity = self.quantity

        issued_on = self.issued_on.isoformat()

        recipient_name_masked = self.recipient_name_masked

        signature_ref = self.signature_ref

        passed_over = self.passed_over

        out_of_order_reason: None | str
        out_of_order_reason = self.out_of_order_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "household_id": household_id,
                "division_code": division_code,
                "category": category,
                "priority": priority,
                "item": item,
                "quantity": quantity,
                "issued_on": issued_on,
                "recipient_name_masked": recipient_name_masked,
                "signature_ref": signature_ref,
                "passed_over": passed_over,
                "out_of_order_reason": out_of_order_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        household_id = d.pop("household_id")

        division_code = d.pop("division_code")

        category = IssueReadCategory(d.pop("category"))

        priority = d.pop("priority")

        item = IssueReadItem(d.pop("item"))

        quantity = d.pop("quantity")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        recipient_name_masked = d.pop("recipient_name_masked")

        signature_ref = d.pop("signature_ref")

        passed_over = cast(list[str], d.pop("passed_over"))

        def _parse_out_of_order_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        out_of_order_reason = _parse_out_of_order_reason(d.pop("out_of_order_reason"))

        issue_read = cls(
            household_id=household_id,
            division_code=division_code,
            category=category,
            priority=priority,
            item=item,
            quantity=quantity,
            issued_on=issued_on,
            recipient_name_masked=recipient_name_masked,
            signature_ref=signature_ref,
            passed_over=passed_over,
            out_of_order_reason=out_of_order_reason,
        )

        issue_read.additional_properties = d
        return issue_read

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
