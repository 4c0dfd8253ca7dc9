from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportFiledRead")


@_attrs_define
class ReportFiledRead:
    """An implementation report as filed, on time or late.

    Attributes:
        county_code (str):
        period (str):
        document_ref (str):
        summary (str):
        filed_on (datetime.date): the service clock's date, China time
        due_on (datetime.date):
        late (bool):
    """

    county_code: str
    period: str
    document_ref: str
    summary: str
    filed_on: datetime.date
    due_on: datetime.date
    late: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        period = self.period

        document_ref = self.document_ref

        summary = self.summary

        filed_on = self.filed_on.isoformat()

        due_on = self.due_on.isoformat()

        late = self.late

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "county_code": county_code,
                "period": period,
                "document_ref": document_ref,
                "summary": summary,
                "filed_on": filed_on,
                "due_on": due_on,
                "late": late,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        county_code = d.pop("county_code")

        period = d.pop("period")

        document_ref = d.pop("document_ref")

        summary = d.pop("summary")

        filed_on = datetime.date.fromisoformat(d.pop("filed_on"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        late = d.pop("late")

        report_filed_read = cls(
            county_code=county_code,
            period=period,
            document_ref=document_ref,
            summary=summary,
            filed_on=filed_on,
            due_on=due_on,
            late=late,
        )

        report_filed_read.additional_properties = d
        return report_filed_read

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
