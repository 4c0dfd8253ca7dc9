from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.task_progress_read import TaskProgressRead


T = TypeVar("T", bound="PracticalTasksRead")


@_attrs_define
class PracticalTasksRead:
    """The year's practical tasks and their progress.

    Attributes:
        year (int):
        tasks (list[TaskProgressRead]):
    """

    year: int
    tasks: list[TaskProgressRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        tasks = []
        for tasks_item_data in self.tasks:
            tasks_item = tasks_item_data.to_dict()
            tasks.append(tasks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "tasks": tasks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.task_progress_read import TaskProgressRead

        d = dict(src_dict)
        year = d.pop("year")

        tasks = []
        _tasks = d.pop("tasks")
        for tasks_item_data in _tasks:
            tasks_item = TaskProgressRead.from_dict(tasks_item_data)

            tasks.append(tasks_item)

        practical_tasks_read = cls(
            year=year,
            tasks=tasks,
        )

        practical_tasks_read.additional_properties = d
        return practical_tasks_read

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
