from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.county_task_read_status import CountyTaskReadStatus

T = TypeVar("T", bound="CountyTaskRead")


@_attrs_define
class CountyTaskRead:
    """A county's status on one dated policy task.

    Attributes:
        title_zh (str):
        deadline (datetime.date):
        status (CountyTaskReadStatus):
        done_on (datetime.date | None):
    """

    title_zh: str
    deadline: datetime.date
    status: CountyTaskReadStatus
    done_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title_zh = self.title_zh

        deadline = self.deadline.isoformat()

        status = self.status.value

        done_on: None | str
        if isinstance(self.done_on, datetime.date):
            done_on = self.done_on.isoformat()
        else:
            done_on = self.done_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title_zh": title_zh,
                "deadline": deadline,
                "status": status,
                "done_on": done_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title_zh = d.pop("title_zh")

        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        status = CountyTaskReadStatus(d.pop("status"))

        def _parse_done_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_on_type_0 = datetime.date.fromisoformat(data)

                return done_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        done_on = _parse_done_on(d.pop("done_on"))

        county_task_read = cls(
            title_zh=title_zh,
            deadline=deadline,
            status=status,
            done_on=done_on,
        )

        county_task_read.additional_properties = d
        return county_task_read

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
