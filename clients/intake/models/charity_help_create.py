from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CharityHelpCreate")


@_attrs_define
class CharityHelpCreate:
    """The charity records the help it gave (If-Match required).

    Attributes:
        amount_fen (int):
        description (str):
    """

    amount_fen: int
    description: str

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_fen": amount_fen,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        description = d.pop("description")

        charity_help_create = cls(
            amount_fen=amount_fen,
            description=description,
        )

        return charity_help_create
