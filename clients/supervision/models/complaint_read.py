from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.complaint_read_actions_item import ComplaintReadActionsItem
    from ..models.complaint_read_complainant_type_0 import ComplaintReadComplainantType0


T = TypeVar("T", bound="ComplaintRead")


@_attrs_define
class ComplaintRead:
    """A complaint as its reader may see it: the complainant and the summary only for the handling
    inspector (others read `［受保护 protected］` for the summary).

        Attributes:
            complaint_id (str):
            version (int):
            status (str):
            channel (str):
            anonymous (bool):
            complainant (ComplaintReadComplainantType0 | None):
            complainant_visible (bool):
            division_code (str):
            subject_case_id (None | str):
            allegation (str):
            summary (str):
            received_on (datetime.date):
            due_on (datetime.date):
            overdue (bool):
            inspector_id (None | str):
            upheld (bool | None):
            actions (list[ComplaintReadActionsItem]):
    """

    complaint_id: str
    version: int
    status: str
    channel: str
    anonymous: bool
    complainant: ComplaintReadComplainantType0 | None
    complainant_visible: bool
    division_code: str
    subject_case_id: None | str
    allegation: str
    summary: str
    received_on: datetime.date
    due_on: datetime.date
    overdue: bool
    inspector_id: None | str
    upheld: bool | None
    actions: list[ComplaintReadActionsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.complaint_read_complainant_type_0 import (
            ComplaintReadComplainantType0,
        )

        complaint_id = self.complaint_id

        version = self.version

        status = self.status

        channel = self.channel

        anonymous = self.anonymous

        complainant: dict[str, Any] | None
        if isinstance(self.complainant, ComplaintReadComplainantType0):
            complainant = self.complainant.to_dict()
        else:
            complainant = self.complainant

        complainant_visible = self.complainant_visible

        division_code = self.division_code

        subject_case_id: None | str
        subject_case_id = self.subject_case_id

        allegation = self.allegation

        summary = self.summary

        received_on = self.received_on.isoformat()

        due_on = self.due_on.isoformat()

        overdue = self.overdue

        inspector_id: None | str
        inspector_id = self.inspector_id

        upheld: bool | None
        upheld = self.upheld

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "complaint_id": complaint_id,
                "version": version,
                "status": status,
                "channel": channel,
                "anonymous": anonymous,
                "complainant": complainant,
                "complainant_visible": complainant_visible,
                "division_code": division_code,
                "subject_case_id": subject_case_id,
                "allegation": allegation,
                "summary": summary,
                "received_on": received_on,
                "due_on": due_on,
                "overdue": overdue,
                "inspector_id": inspector_id,
                "upheld": upheld,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complaint_read_actions_item import ComplaintReadActionsItem
        from ..models.complaint_read_complainant_type_0 import (
            ComplaintReadComplainantType0,
        )

        d = dict(src_dict)
        complaint_id = d.pop("complaint_id")

        version = d.pop("version")

        status = d.pop("status")

        channel = d.pop("channel")

        anonymous = d.pop("anonymous")

        def _parse_complainant(data: object) -> ComplaintReadComplainantType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                complainant_type_0 = ComplaintReadComplainantType0.from_dict(data)

                return complainant_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComplaintReadComplainantType0 | None, data)

        complainant = _parse_complainant(d.pop("complainant"))

        complainant_visible = d.pop("complainant_visible")

        division_code = d.pop("division_code")

        def _parse_subject_case_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject_case_id = _parse_subject_case_id(d.pop("subject_case_id"))

        allegation = d.pop("allegation")

        summary = d.pop("summary")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        overdue = d.pop("overdue")

        def _parse_inspector_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        inspector_id = _parse_inspector_id(d.pop("inspector_id"))

        def _parse_upheld(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        upheld = _parse_upheld(d.pop("upheld"))

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ComplaintReadActionsItem.from_dict(actions_item_data)

            actions.append(actions_item)

        complaint_read = cls(
            complaint_id=complaint_id,
            version=version,
            status=status,
            channel=channel,
            anonymous=anonymous,
            complainant=complainant,
            complainant_visible=complainant_visible,
            division_code=division_code,
            subject_case_id=subject_case_id,
            allegation=allegation,
            summary=summary,
            received_on=received_on,
            due_on=due_on,
            overdue=overdue,
            inspector_id=inspector_id,
            upheld=upheld,
            actions=actions,
        )

        complaint_read.additional_properties = d
        return complaint_read

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
