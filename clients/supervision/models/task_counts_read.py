from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TaskCountsRead")


@_attrs_define
class TaskCountsRead:
    """How many counties are at each status of a task.

    Attributes:
        done (int):
        done_late (int):
        in_progress (int):
        not_started (int):
        overdue (int):
    """

    done: int
    done_late: int
    in_progress: int
    not_started: int
    overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        done = self.done

        done_late = self.done_late

        in_progress = self.in_progress

        not_started = self.not_started

        overdue = self.overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "done": done,
                "done_late": done_late,
                "in_progress": in_progress,
                "not_started": not_started,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        done = d.pop("done")

        done_late = d.pop("done_late")

        in_progress = d.pop("in_progress")

        not_started = d.pop("not_started")

        overdue = d.pop("overdue")

        task_counts_read = cls(
            done=done,
            done_late=done_late,
            in_progress=in_progress,
            not_started=not_started,
            overdue=overdue,
        )

        task_counts_read.additional_properties = d
        return task_counts_read

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
