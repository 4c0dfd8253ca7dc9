from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.library_read import LibraryRead
    from ..models.year_history_entry import YearHistoryEntry


T = TypeVar("T", bound="YearRead")


@_attrs_define
class YearRead:
    """A year's days in force, where they come from, and every version loaded.

    Attributes:
        year (int):
        version (int):
        source (str):
        library (LibraryRead): The holiday library the calendar falls back on, and whether it covers the year.
        holidays (list[datetime.date]):
        makeup_workdays (list[datetime.date]):
        history (list[YearHistoryEntry]):
    """

    year: int
    version: int
    source: str
    library: LibraryRead
    holidays: list[datetime.date]
    makeup_workdays: list[datetime.date]
    history: list[YearHistoryEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        version = self.version

        source = self.source

        library = self.library.to_dict()

        holidays = []
        for holidays_item_data in self.holidays:
            holidays_item = holidays_item_data.isoformat()
            holidays.append(holidays_item)

        makeup_workdays = []
        for makeup_workdays_item_data in self.makeup_workdays:
            makeup_workdays_item = makeup_workdays_item_data.isoformat()
            makeup_workdays.append(makeup_workdays_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "version": version,
                "source": source,
                "library": library,
                "holidays": holidays,
                "makeup_workdays": makeup_workdays,
                "history": history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.library_read import LibraryRead
        from ..models.year_history_entry import YearHistoryEntry

        d = dict(src_dict)
        year = d.pop("year")

        version = d.pop("version")

        source = d.pop("source")

        library = LibraryRead.from_dict(d.pop("library"))

        holidays = []
        _holidays = d.pop("holidays")
        for holidays_item_data in _holidays:
            holidays_item = datetime.date.fromisoformat(holidays_item_data)

            holidays.append(holidays_item)

        makeup_workdays = []
        _makeup_workdays = d.pop("makeup_workdays")
        for makeup_workdays_item_data in _makeup_workdays:
            makeup_workdays_item = datetime.date.fromisoformat(
                makeup_workdays_item_data
            )

            makeup_workdays.append(makeup_workdays_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = YearHistoryEntry.from_dict(history_item_data)

            history.append(history_item)

        year_read = cls(
            year=year,
            version=version,
            source=source,
            library=library,
            holidays=holidays,
            makeup_workdays=makeup_workdays,
            history=history,
        )

        year_read.additional_properties = d
        return year_read

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
