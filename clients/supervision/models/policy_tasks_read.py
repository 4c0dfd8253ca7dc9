from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.county_tasks_read import CountyTasksRead
    from ..models.policy_tasks_read_summary import PolicyTasksReadSummary


T = TypeVar("T", bound="PolicyTasksRead")


@_attrs_define
class PolicyTasksRead:
    """The year's dated policy tasks per county in the caller's jurisdiction.

    Attributes:
        year (int):
        filing_deadline (datetime.date): the coordination mechanism's filing deadline
        summary (PolicyTasksReadSummary): task id → counties per status
        counties (list[CountyTasksRead]):
    """

    year: int
    filing_deadline: datetime.date
    summary: PolicyTasksReadSummary
    counties: list[CountyTasksRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        filing_deadline = self.filing_deadline.isoformat()

        summary = self.summary.to_dict()

        counties = []
        for counties_item_data in self.counties:
            counties_item = counties_item_data.to_dict()
            counties.append(counties_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "filing_deadline": filing_deadline,
                "summary": summary,
                "counties": counties,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.county_tasks_read import CountyTasksRead
        from ..models.policy_tasks_read_summary import PolicyTasksReadSummary

        d = dict(src_dict)
        year = d.pop("year")

        filing_deadline = datetime.date.fromisoformat(d.pop("filing_deadline"))

        summary = PolicyTasksReadSummary.from_dict(d.pop("summary"))

        counties = []
        _counties = d.pop("counties")
        for counties_item_data in _counties:
            counties_item = CountyTasksRead.from_dict(counties_item_data)

            counties.append(counties_item)

        policy_tasks_read = cls(
            year=year,
            filing_deadline=filing_deadline,
            summary=summary,
            counties=counties,
        )

        policy_tasks_read.additional_properties = d
        return policy_tasks_read

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
