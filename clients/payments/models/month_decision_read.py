from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonthDecisionRead")


@_attrs_define
class MonthDecisionRead:
    """Whether a month's indices triggered the subsidy.

    Attributes:
        triggered (bool):
        cpi_yoy_bp (int):
        food_cpi_yoy_bp (int):
    """

    triggered: bool
    cpi_yoy_bp: int
    food_cpi_yoy_bp: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        triggered = self.triggered

        cpi_yoy_bp = self.cpi_yoy_bp

        food_cpi_yoy_bp = self.food_cpi_yoy_bp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "triggered": triggered,
                "cpi_yoy_bp": cpi_yoy_bp,
                "food_cpi_yoy_bp": food_cpi_yoy_bp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        triggered = d.pop("triggered")

        cpi_yoy_bp = d.pop("cpi_yoy_bp")

        food_cpi_yoy_bp = d.pop("food_cpi_yoy_bp")

        month_decision_read = cls(
            triggered=triggered,
            cpi_yoy_bp=cpi_yoy_bp,
            food_cpi_yoy_bp=food_cpi_yoy_bp,
        )

        month_decision_read.additional_properties = d
        return month_decision_read

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
