from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CharityReferralCreate")


@_attrs_define
class CharityReferralCreate:
    """Refer the case to a registered charity (慈善衔接, INT-8; If-Match required).

    Attributes:
        charity (str): 统一社会信用代码
        need (str):
    """

    charity: str
    need: str

    def to_dict(self) -> dict[str, Any]:
        charity = self.charity

        need = self.need

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "charity": charity,
                "need": need,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        charity = d.pop("charity")

        need = d.pop("need")

        charity_referral_create = cls(
            charity=charity,
            need=need,
        )

        return charity_referral_create
