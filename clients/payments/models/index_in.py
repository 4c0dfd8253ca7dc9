from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IndexIn")


@_attrs_define
class IndexIn:
    """A month's price indices, year on year, in basis points (may be negative).

    Attributes:
        month (str): YYYY-MM
        cpi_yoy_bp (int):
        food_cpi_yoy_bp (int):
        reason (str | Unset):  Default: '统计部门发布'.
    """

    month: str
    cpi_yoy_bp: int
    food_cpi_yoy_bp: int
    reason: str | Unset = "统计部门发布"

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        cpi_yoy_bp = self.cpi_yoy_bp

        food_cpi_yoy_bp = self.food_cpi_yoy_bp

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "month": month,
                "cpi_yoy_bp": cpi_yoy_bp,
                "food_cpi_yoy_bp": food_cpi_yoy_bp,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        month = d.pop("month")

        cpi_yoy_bp = d.pop("cpi_yoy_bp")

        food_cpi_yoy_bp = d.pop("food_cpi_yoy_bp")

        reason = d.pop("reason", UNSET)

        index_in = cls(
            month=month,
            cpi_yoy_bp=cpi_yoy_bp,
            food_cpi_yoy_bp=food_cpi_yoy_bp,
            reason=reason,
        )

        return index_in
