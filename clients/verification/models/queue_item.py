from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QueueItem")


@_attrs_define
class QueueItem:
    """A case in a work queue, with its clock.

    Attributes:
        case_id (str):
        programme (str):
        division_code (str):
        stage (str):
        version (int):
        opened_on (datetime.date | None):
        follow_up (bool):
        batch_id (None | str):
        overdue (list[str]):
    """

    case_id: str
    programme: str
    division_code: str
    stage: str
    version: int
    opened_on: datetime.date | None
    follow_up: bool
    batch_id: None | str
    overdue: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        programme = self.programme

        division_code = self.division_code

        stage = self.stage

        version = self.version

        opened_on: None | str
        if isinstance(self.opened_on, datetime.date):
            opened_on = self.opened_on.isoformat()
        else:
            opened_on = self.opened_on

        follow_up = self.follow_up

        batch_id: None | str
        batch_id = self.batch_id

        overdue = self.overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "programme": programme,
                "division_code": division_code,
                "stage": stage,
                "version": version,
                "opened_on": opened_on,
                "follow_up": follow_up,
                "batch_id": batch_id,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        case_id = d.pop("case_id")

        programme = d.pop("programme")

        division_code = d.pop("division_code")

        stage = d.pop("stage")

        version = d.pop("version")

        def _parse_opened_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_on_type_0 = datetime.date.fromisoformat(data)

                return opened_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        opened_on = _parse_opened_on(d.pop("opened_on"))

        follow_up = d.pop("follow_up")

        def _parse_batch_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        batch_id = _parse_batch_id(d.pop("batch_id"))

        overdue = cast(list[str], d.pop("overdue"))

        queue_item = cls(
            case_id=case_id,
            programme=programme,
            division_code=division_code,
            stage=stage,
            version=version,
            opened_on=opened_on,
            follow_up=follow_up,
            batch_id=batch_id,
            overdue=overdue,
        )

        queue_item.additional_properties = d
        return queue_item

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
