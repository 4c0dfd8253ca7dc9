from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.county_tasks_read_tasks import CountyTasksReadTasks


T = TypeVar("T", bound="CountyTasksRead")


@_attrs_define
class CountyTasksRead:
    """A county and its status on every dated policy task.

    Attributes:
        county_code (str):
        name (None | str):
        tasks (CountyTasksReadTasks): task id → status
    """

    county_code: str
    name: None | str
    tasks: CountyTasksReadTasks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        name: None | str
        name = self.name

        tasks = self.tasks.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "county_code": county_code,
                "name": name,
                "tasks": tasks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.county_tasks_read_tasks import CountyTasksReadTasks

        d = dict(src_dict)
        county_code = d.pop("county_code")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        tasks = CountyTasksReadTasks.from_dict(d.pop("tasks"))

        county_tasks_read = cls(
            county_code=county_code,
            name=name,
            tasks=tasks,
        )

        county_tasks_read.additional_properties = d
        return county_tasks_read

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
