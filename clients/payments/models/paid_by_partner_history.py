from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.paid_by_partner_read import PaidByPartnerRead


T = TypeVar("T", bound="PaidByPartnerHistory")


@_attrs_define
class PaidByPartnerHistory:
    """A household's assistance paid by partner agencies, one row per programme (so never long).

    Attributes:
        case_id (str):
        items (list[PaidByPartnerRead]):
    """

    case_id: str
    items: list[PaidByPartnerRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.paid_by_partner_read import PaidByPartnerRead

        d = dict(src_dict)
        case_id = d.pop("case_id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PaidByPartnerRead.from_dict(items_item_data)

            items.append(items_item)

        paid_by_partner_history = cls(
            case_id=case_id,
            items=items,
        )

        paid_by_partner_history.additional_properties = d
        return paid_by_partner_history

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
