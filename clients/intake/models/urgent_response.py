from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="UrgentResponse")


@_attrs_define
class UrgentResponse:
    """The township's response to an urgent case (If-Match required).

    Attributes:
        response (str):
    """

    response: str

    def to_dict(self) -> dict[str, Any]:
        response = self.response

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "response": response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        response = d.pop("response")

        urgent_response = cls(
            response=response,
        )

        return urgent_response
