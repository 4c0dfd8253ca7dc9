from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="YearIn")


@_attrs_define
class YearIn:
    """A year's schedule as announced by the State Council (国务院办公厅关于节假日安排的通知).

    Attributes:
        holidays (list[datetime.date]): days off, weekends within included
        makeup_workdays (list[datetime.date]): Saturdays or Sundays worked (调休上班日)
        document_ref (str):
        reason (str):
    """

    holidays: list[datetime.date]
    makeup_workdays: list[datetime.date]
    document_ref: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        holidays = []
        for holidays_item_data in self.holidays:
            holidays_item = holidays_item_data.isoformat()
            holidays.append(holidays_item)

        makeup_workdays = []
        for makeup_workdays_item_data in self.makeup_workdays:
            makeup_workdays_item = makeup_workdays_item_data.isoformat()
            makeup_workdays.append(makeup_workdays_item)

        document_ref = self.document_ref

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "holidays": holidays,
                "makeup_workdays": makeup_workdays,
                "document_ref": document_ref,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
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

        document_ref = d.pop("document_ref")

        reason = d.pop("reason")

        year_in = cls(
            holidays=holidays,
            makeup_workdays=makeup_workdays,
            document_ref=document_ref,
            reason=reason,
        )

        return year_in
