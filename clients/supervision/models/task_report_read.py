from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_report_read_status import TaskReportReadStatus

T = TypeVar("T", bound="TaskReportRead")


@_attrs_define
class TaskReportRead:
    """The latest progress reported on a policy task.

    Attributes:
        county_code (str):
        year (int):
        task_id (str):
        status (TaskReportReadStatus):
        reported_on (datetime.date):
        note (str):
    """

    county_code: str
    year: int
    task_id: str
    status: TaskReportReadStatus
    reported_on: datetime.date
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        year = self.year

        task_id = self.task_id

        status = self.status.value

        reported_on = self.reported_on.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "county_code": county_code,
                "year": year,
                "task_id": task_id,
                "status": status,
                "reported_on": reported_on,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        county_code = d.pop("county_code")

        year = d.pop("year")

        task_id = d.pop("task_id")

        status = TaskReportReadStatus(d.pop("status"))

        reported_on = datetime.date.fromisoformat(d.pop("reported_on"))

        note = d.pop("note")

        task_report_read = cls(
            county_code=county_code,
            year=year,
            task_id=task_id,
            status=status,
            reported_on=reported_on,
            note=note,
        )

        task_report_read.additional_properties = d
        return task_report_read

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
