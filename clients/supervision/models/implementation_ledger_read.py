from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.county_report_read import CountyReportRead
    from ..models.report_counts_read import ReportCountsRead


T = TypeVar("T", bound="ImplementationLedgerRead")


@_attrs_define
class ImplementationLedgerRead:
    """Filed, late and missing implementation reports per county for a period.

    Attributes:
        period (str):
        due_on (datetime.date):
        today (datetime.date): the service clock's date the statuses are as of
        summary (ReportCountsRead): How many counties are at each status.
        counties (list[CountyReportRead]):
    """

    period: str
    due_on: datetime.date
    today: datetime.date
    summary: ReportCountsRead
    counties: list[CountyReportRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        due_on = self.due_on.isoformat()

        today = self.today.isoformat()

        summary = self.summary.to_dict()

        counties = []
        for counties_item_data in self.counties:
            counties_item = counties_item_data.to_dict()
            counties.append(counties_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "due_on": due_on,
                "today": today,
                "summary": summary,
                "counties": counties,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.county_report_read import CountyReportRead
        from ..models.report_counts_read import ReportCountsRead

        d = dict(src_dict)
        period = d.pop("period")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        today = datetime.date.fromisoformat(d.pop("today"))

        summary = ReportCountsRead.from_dict(d.pop("summary"))

        counties = []
        _counties = d.pop("counties")
        for counties_item_data in _counties:
            counties_item = CountyReportRead.from_dict(counties_item_data)

            counties.append(counties_item)

        implementation_ledger_read = cls(
            period=period,
            due_on=due_on,
            today=today,
            summary=summary,
            counties=counties,
        )

        implementation_ledger_read.additional_properties = d
        return implementation_ledger_read

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
