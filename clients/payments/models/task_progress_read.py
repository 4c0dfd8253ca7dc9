from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_progress_read_status import TaskProgressReadStatus

T = TypeVar("T", bound="TaskProgressRead")


@_attrs_define
class TaskProgressRead:
    """A practical task with its due date and whether (and when) it was met.

    Attributes:
        year (int):
        task_id (str):
        title (str):
        programme (str):
        target_fen (int): 分/人/月 the provincial guidance standard must reach
        rural_class (int | None): the rural dibao class, when the target is one
        due (datetime.date):
        status (TaskProgressReadStatus):
        met_on (datetime.date | None): the day the standard in force first reached it
    """

    year: int
    task_id: str
    title: str
    programme: str
    target_fen: int
    rural_class: int | None
    due: datetime.date
    status: TaskProgressReadStatus
    met_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        task_id = self.task_id

        title = self.title

        programme = self.programme

        target_fen = self.target_fen

        rural_class: int | None
        rural_class = self.rural_class

        due = self.due.isoformat()

        status = self.status.value

        met_on: None | str
        if isinstance(self.met_on, datetime.date):
            met_on = self.met_on.isoformat()
        else:
            met_on = self.met_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "task_id": task_id,
                "title": title,
                "programme": programme,
                "target_fen": target_fen,
                "rural_class": rural_class,
                "due": due,
                "status": status,
                "met_on": met_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        year = d.pop("year")

        task_id = d.pop("task_id")

        title = d.pop("title")

        programme = d.pop("programme")

        target_fen = d.pop("target_fen")

        def _parse_rural_class(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rural_class = _parse_rural_class(d.pop("rural_class"))

        due = datetime.date.fromisoformat(d.pop("due"))

        status = TaskProgressReadStatus(d.pop("status"))

        def _parse_met_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_on_type_0 = datetime.date.fromisoformat(data)

                return met_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        met_on = _parse_met_on(d.pop("met_on"))

        task_progress_read = cls(
            year=year,
            task_id=task_id,
            title=title,
            programme=programme,
            target_fen=target_fen,
            rural_class=rural_class,
            due=due,
            status=status,
            met_on=met_on,
        )

        task_progress_read.additional_properties = d
        return task_progress_read

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
