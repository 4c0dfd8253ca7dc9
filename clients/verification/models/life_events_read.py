from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.life_event_outcome import LifeEventOutcome


T = TypeVar("T", bound="LifeEventsRead")


@_attrs_define
class LifeEventsRead:
    """The answer to a feed: one outcome per record, in order.

    Attributes:
        results (list[LifeEventOutcome]):
        matched (int):
        unmatched (int):
    """

    results: list[LifeEventOutcome]
    matched: int
    unmatched: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        matched = self.matched

        unmatched = self.unmatched

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
                "matched": matched,
                "unmatched": unmatched,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.life_event_outcome import LifeEventOutcome

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = LifeEventOutcome.from_dict(results_item_data)

            results.append(results_item)

        matched = d.pop("matched")

        unmatched = d.pop("unmatched")

        life_events_read = cls(
            results=results,
            matched=matched,
            unmatched=unmatched,
        )

        life_events_read.additional_properties = d
        return life_events_read

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
