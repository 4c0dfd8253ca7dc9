from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sealed_range_read import SealedRangeRead


T = TypeVar("T", bound="DigestRead")


@_attrs_define
class DigestRead:
    """A sealed digest of the audit trail, chained to the previous one by its root.

    Attributes:
        digest_id (str):
        sequence (int):
        period_start (str): ISO 8601 instant: the previous seal (or first event)
        period_end (str): ISO 8601 instant of this seal
        ranges (list[SealedRangeRead]):
        previous_root (str):
        root (str):
    """

    digest_id: str
    sequence: int
    period_start: str
    period_end: str
    ranges: list[SealedRangeRead]
    previous_root: str
    root: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        digest_id = self.digest_id

        sequence = self.sequence

        period_start = self.period_start

        period_end = self.period_end

        ranges = []
        for ranges_item_data in self.ranges:
            ranges_item = ranges_item_data.to_dict()
            ranges.append(ranges_item)

        previous_root = self.previous_root

        root = self.root

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "digest_id": digest_id,
                "sequence": sequence,
                "period_start": period_start,
                "period_end": period_end,
                "ranges": ranges,
                "previous_root": previous_root,
                "root": root,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sealed_range_read import SealedRangeRead

        d = dict(src_dict)
        digest_id = d.pop("digest_id")

        sequence = d.pop("sequence")

        period_start = d.pop("period_start")

        period_end = d.pop("period_end")

        ranges = []
        _ranges = d.pop("ranges")
        for ranges_item_data in _ranges:
            ranges_item = SealedRangeRead.from_dict(ranges_item_data)

            ranges.append(ranges_item)

        previous_root = d.pop("previous_root")

        root = d.pop("root")

        digest_read = cls(
            digest_id=digest_id,
            sequence=sequence,
            period_start=period_start,
            period_end=period_end,
            ranges=ranges,
            previous_root=previous_root,
            root=root,
        )

        digest_read.additional_properties = d
        return digest_read

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
