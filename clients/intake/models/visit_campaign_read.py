from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visit_group import VisitGroup

T = TypeVar("T", bound="VisitCampaignRead")


@_attrs_define
class VisitCampaignRead:
    """A campaign with what its visits found and arranged so far.

    Attributes:
        campaign_id (str):
        version (int):
        division_code (str):
        title (str):
        groups (list[VisitGroup]):
        starts_on (datetime.date):
        ends_on (datetime.date):
        planned_by (str):
        visits (int):
        needs_found (int):
        referrals (int):
        applications (int):
    """

    campaign_id: str
    version: int
    division_code: str
    title: str
    groups: list[VisitGroup]
    starts_on: datetime.date
    ends_on: datetime.date
    planned_by: str
    visits: int
    needs_found: int
    referrals: int
    applications: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign_id = self.campaign_id

        version = self.version

        division_code = self.division_code

        title = self.title

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.value
            groups.append(groups_item)

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        planned_by = self.planned_by

        visits = self.visits

        needs_found = self.needs_found

        referrals = self.referrals

        applications = self.applications

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
                "version": version,
                "division_code": division_code,
                "title": title,
                "groups": groups,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "planned_by": planned_by,
                "visits": visits,
                "needs_found": needs_found,
                "referrals": referrals,
                "applications": applications,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        campaign_id = d.pop("campaign_id")

        version = d.pop("version")

        division_code = d.pop("division_code")

        title = d.pop("title")

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = VisitGroup(groups_item_data)

            groups.append(groups_item)

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        planned_by = d.pop("planned_by")

        visits = d.pop("visits")

        needs_found = d.pop("needs_found")

        referrals = d.pop("referrals")

        applications = d.pop("applications")

        visit_campaign_read = cls(
            campaign_id=campaign_id,
            version=version,
            division_code=division_code,
            title=title,
            groups=groups,
            starts_on=starts_on,
            ends_on=ends_on,
            planned_by=planned_by,
            visits=visits,
            needs_found=needs_found,
            referrals=referrals,
            applications=applications,
        )

        visit_campaign_read.additional_properties = d
        return visit_campaign_read

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
