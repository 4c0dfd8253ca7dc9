from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.life_event_in import LifeEventIn


T = TypeVar("T", bound="LifeEventsIn")


@_attrs_define
class LifeEventsIn:
    """A bulk feed of life events; each record is applied once whatever the retries.

    Attributes:
        records (list[LifeEventIn]):
    """

    records: list[LifeEventIn]

    def to_dict(self) -> dict[str, Any]:
        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.life_event_in import LifeEventIn

        d = dict(src_dict)
        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = LifeEventIn.from_dict(records_item_data)

            records.append(records_item)

        life_events_in = cls(
            records=records,
        )

        return life_events_in
