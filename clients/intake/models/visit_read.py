from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visit_group import VisitGroup

if TYPE_CHECKING:
    from ..models.need_out import NeedOut


T = TypeVar("T", bound="VisitRead")


@_attrs_define
class VisitRead:
    """A visit as recorded (resident ID masked).

    Attributes:
        visit_id (str):
        campaign_id (str):
        division_code (str):
        group (VisitGroup): The groups the notice names for visits (二(二) 统筹运用走访慰问活动…).
        resident_id_masked (str):
        visited_on (datetime.date):
        needs (list[NeedOut]):
        help_given (None | str):
        recorded_by (str):
    """

    visit_id: str
    campaign_id: str
    division_code: str
    group: VisitGroup
    resident_id_masked: str
    visited_on: datetime.date
    needs: list[NeedOut]
    help_given: None | str
    recorded_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        visit_id = self.visit_id

        campaign_id = self.campaign_id

        division_code = self.division_code

        group = self.group.value

        resident_id_masked = self.resident_id_masked

        visited_on = self.visited_on.isoformat()

        needs = []
        for needs_item_data in self.needs:
            needs_item = needs_item_data.to_dict()
            needs.append(needs_item)

        help_given: None | str
        help_given = self.help_given

        recorded_by = self.recorded_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "visit_id": visit_id,
                "campaign_id": campaign_id,
                "division_code": division_code,
                "group": group,
                "resident_id_masked": resident_id_masked,
                "visited_on": visited_on,
                "needs": needs,
                "help_given": help_given,
                "recorded_by": recorded_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.need_out import NeedOut

        d = dict(src_dict)
        visit_id = d.pop("visit_id")

        campaign_id = d.pop("campaign_id")

        division_code = d.pop("division_code")

        group = VisitGroup(d.pop("group"))

        resident_id_masked = d.pop("resident_id_masked")

        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        needs = []
        _needs = d.pop("needs")
        for needs_item_data in _needs:
            needs_item = NeedOut.from_dict(needs_item_data)

            needs.append(needs_item)

        def _parse_help_given(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        help_given = _parse_help_given(d.pop("help_given"))

        recorded_by = d.pop("recorded_by")

        visit_read = cls(
            visit_id=visit_id,
            campaign_id=campaign_id,
            division_code=division_code,
            group=group,
            resident_id_masked=resident_id_masked,
            visited_on=visited_on,
            needs=needs,
            help_given=help_given,
            recorded_by=recorded_by,
        )

        visit_read.additional_properties = d
        return visit_read

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
