from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BatchCase")


@_attrs_define
class BatchCase:
    """A proposal to take into the batch.

    Attributes:
        case_id (str):
        programme (str):
    """

    case_id: str
    programme: str

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        programme = self.programme

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "case_id": case_id,
                "programme": programme,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        case_id = d.pop("case_id")

        programme = d.pop("programme")

        batch_case = cls(
            case_id=case_id,
            programme=programme,
        )

        return batch_case
