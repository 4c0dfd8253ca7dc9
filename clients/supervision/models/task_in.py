from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.task_in_status import TaskInStatus

T = TypeVar("T", bound="TaskIn")


@_attrs_define
class TaskIn:
    """Progress on a policy task.

    Attributes:
        task_id (str):
        status (TaskInStatus):
        reported_on (datetime.date):
        note (str):
    """

    task_id: str
    status: TaskInStatus
    reported_on: datetime.date
    note: str

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        status = self.status.value

        reported_on = self.reported_on.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
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
        task_id = d.pop("task_id")

        status = TaskInStatus(d.pop("status"))

        reported_on = datetime.date.fromisoformat(d.pop("reported_on"))

        note = d.pop("note")

        task_in = cls(
            task_id=task_id,
            status=status,
            reported_on=reported_on,
            note=note,
        )

        return task_in
