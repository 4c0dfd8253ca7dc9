from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.task_in_programme import TaskInProgramme
from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskIn")


@_attrs_define
class TaskIn:
    """A practical task on a provincial guidance standard.

    Attributes:
        year (int):
        task_id (str):
        title (str):
        programme (TaskInProgramme):
        target_fen (int): 分/人/月 to reach
        reason (str):
        rural_class (int | None | Unset):
        due (datetime.date | None | Unset): default: 30 June of the year
    """

    year: int
    task_id: str
    title: str
    programme: TaskInProgramme
    target_fen: int
    reason: str
    rural_class: int | None | Unset = UNSET
    due: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        task_id = self.task_id

        title = self.title

        programme = self.programme.value

        target_fen = self.target_fen

        reason = self.reason

        rural_class: int | None | Unset
        if isinstance(self.rural_class, Unset):
            rural_class = UNSET
        else:
            rural_class = self.rural_class

        due: None | str | Unset
        if isinstance(self.due, Unset):
            due = UNSET
        elif isinstance(self.due, datetime.date):
            due = self.due.isoformat()
        else:
            due = self.due

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "year": year,
                "task_id": task_id,
                "title": title,
                "programme": programme,
                "target_fen": target_fen,
                "reason": reason,
            }
        )
        if rural_class is not UNSET:
            field_dict["rural_class"] = rural_class
        if due is not UNSET:
            field_dict["due"] = due

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        year = d.pop("year")

        task_id = d.pop("task_id")

        title = d.pop("title")

        programme = TaskInProgramme(d.pop("programme"))

        target_fen = d.pop("target_fen")

        reason = d.pop("reason")

        def _parse_rural_class(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rural_class = _parse_rural_class(d.pop("rural_class", UNSET))

        def _parse_due(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_type_0 = datetime.date.fromisoformat(data)

                return due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due = _parse_due(d.pop("due", UNSET))

        task_in = cls(
            year=year,
            task_id=task_id,
            title=title,
            programme=programme,
            target_fen=target_fen,
            reason=reason,
            rural_class=rural_class,
            due=due,
        )

        return task_in
