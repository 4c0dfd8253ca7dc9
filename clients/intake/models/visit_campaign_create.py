from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.visit_group import VisitGroup

T = TypeVar("T", bound="VisitCampaignCreate")


@_attrs_define
class VisitCampaignCreate:
    """A township's visit campaign: the groups it visits and its period.

    Attributes:
        division_code (str): the township (9 digits)
        title (str):
        groups (list[VisitGroup]):
        starts_on (datetime.date):
        ends_on (datetime.date):
    """

    division_code: str
    title: str
    groups: list[VisitGroup]
    starts_on: datetime.date
    ends_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        division_code = self.division_code

        title = self.title

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.value
            groups.append(groups_item)

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "division_code": division_code,
                "title": title,
                "groups": groups,
                "starts_on": starts_on,
                "ends_on": ends_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        division_code = d.pop("division_code")

        title = d.pop("title")

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = VisitGroup(groups_item_data)

            groups.append(groups_item)

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        visit_campaign_create = cls(
            division_code=division_code,
            title=title,
            groups=groups,
            starts_on=starts_on,
            ends_on=ends_on,
        )

        return visit_campaign_create
