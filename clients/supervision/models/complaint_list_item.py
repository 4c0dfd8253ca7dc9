from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ComplaintListItem")


@_attrs_define
class ComplaintListItem:
    """A complaint in a list (no complainant, no summary).

    Attributes:
        complaint_id (str):
        version (int):
        status (str):
        channel (str):
        anonymous (bool):
        division_code (str):
        subject_case_id (None | str):
        allegation (str):
        assigned_to (None | str):
        upheld (bool | None):
        received_on (datetime.date):
        due_on (datetime.date):
        overdue (bool):
    """

    complaint_id: str
    version: int
    status: str
    channel: str
    anonymous: bool
    division_code: str
    subject_case_id: None | str
    allegation: str
    assigned_to: None | str
    upheld: bool | None
    received_on: datetime.date
    due_on: datetime.date
    overdue: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        complaint_id = self.complaint_id

        version = self.version

        status = self.status

        channel = self.channel

        anonymous = self.anonymous

        division_code = self.division_code

        subject_case_id: None | str
        subject_case_id = self.subject_case_id

        allegation = self.allegation

        assigned_to: None | str
        assigned_to = self.assigned_to

        upheld: bool | None
        upheld = self.upheld

        received_on = self.received_on.isoformat()

        due_on = self.due_on.isoformat()

        overdue = self.overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "complaint_id": complaint_id,
                "version": version,
                "status": status,
                "channel": channel,
                "anonymous": anonymous,
                "division_code": division_code,
                "subject_case_id": subject_case_id,
                "allegation": allegation,
                "assigned_to": assigned_to,
                "upheld": upheld,
                "received_on": received_on,
                "due_on": due_on,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        complaint_id = d.pop("complaint_id")

        version = d.pop("version")

        status = d.pop("status")

        channel = d.pop("channel")

        anonymous = d.pop("anonymous")

        division_code = d.pop("division_code")

        def _parse_subject_case_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject_case_id = _parse_subject_case_id(d.pop("subject_case_id"))

        allegation = d.pop("allegation")

        def _parse_assigned_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to"))

        def _parse_upheld(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        upheld = _parse_upheld(d.pop("upheld"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        overdue = d.pop("overdue")

        complaint_list_item = cls(
            complaint_id=complaint_id,
            version=version,
            status=status,
            channel=channel,
            anonymous=anonymous,
            division_code=division_code,
            subject_case_id=subject_case_id,
            allegation=allegation,
            assigned_to=assigned_to,
            upheld=upheld,
            received_on=received_on,
            due_on=due_on,
            overdue=overdue,
        )

        complaint_list_item.additional_properties = d
        return complaint_list_item

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
