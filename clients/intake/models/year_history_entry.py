from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_read import ActorRead


T = TypeVar("T", bound="YearHistoryEntry")


@_attrs_define
class YearHistoryEntry:
    """A version as recorded: when and by whom.

    Attributes:
        version (int):
        holidays (list[datetime.date]):
        makeup_workdays (list[datetime.date]):
        document_ref (str):
        reason (str):
        recorded_at (str):
        actor (ActorRead): Who loaded a version: staff id, role and organisation from the token.
    """

    version: int
    holidays: list[datetime.date]
    makeup_workdays: list[datetime.date]
    document_ref: str
    reason: str
    recorded_at: str
    actor: ActorRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

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

        recorded_at = self.recorded_at

        actor = self.actor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "holidays": holidays,
                "makeup_workdays": makeup_workdays,
                "document_ref": document_ref,
                "reason": reason,
                "recorded_at": recorded_at,
                "actor": actor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.actor_read import ActorRead

        d = dict(src_dict)
        version = d.pop("version")

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

        recorded_at = d.pop("recorded_at")

        actor = ActorRead.from_dict(d.pop("actor"))

        year_history_entry = cls(
            version=version,
            holidays=holidays,
            makeup_workdays=makeup_workdays,
            document_ref=document_ref,
            reason=reason,
            recorded_at=recorded_at,
            actor=actor,
        )

        year_history_entry.additional_properties = d
        return year_history_entry

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
