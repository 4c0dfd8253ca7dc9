from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BatchSummary")


@_attrs_define
class BatchSummary:
    """One batch in the queue.

    Attributes:
        batch_id (str):
        township_code (str):
        households (int):
        sample_size (int):
        visited (int):
        complete (bool):
        formed_at (datetime.datetime):
    """

    batch_id: str
    township_code: str
    households: int
    sample_size: int
    visited: int
    complete: bool
    formed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = self.batch_id

        township_code = self.township_code

        households = self.households

        sample_size = self.sample_size

        visited = self.visited

        complete = self.complete

        formed_at = self.formed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batch_id": batch_id,
                "township_code": township_code,
                "households": households,
                "sample_size": sample_size,
                "visited": visited,
                "complete": complete,
                "formed_at": formed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        township_code = d.pop("township_code")

        households = d.pop("households")

        sample_size = d.pop("sample_size")

        visited = d.pop("visited")

        complete = d.pop("complete")

        formed_at = datetime.datetime.fromisoformat(d.pop("formed_at"))

        batch_summary = cls(
            batch_id=batch_id,
            township_code=township_code,
            households=households,
            sample_size=sample_size,
            visited=visited,
            complete=complete,
            formed_at=formed_at,
        )

        batch_summary.additional_properties = d
        return batch_summary

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
