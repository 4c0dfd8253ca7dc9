from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.grant_read import GrantRead


T = TypeVar("T", bound="DisasterRead")


@_attrs_define
class DisasterRead:
    """A disaster's allocation, the relief granted and the households still in shelter.

    Attributes:
        disaster_id (str):
        version (int): the disaster's version: If-Match of the next command
        county_code (str):
        name (str):
        allocation_fen (int):
        granted_fen (int):
        households (list[GrantRead]): by priority, then household
        in_temporary_shelter (list[str]): households still sheltered
        housing_solved (list[str]): households whose housing is solved
        housing_target (datetime.date): date by which the sheltered must be housed
        housing_target_missed (bool): households still sheltered after it
    """

    disaster_id: str
    version: int
    county_code: str
    name: str
    allocation_fen: int
    granted_fen: int
    households: list[GrantRead]
    in_temporary_shelter: list[str]
    housing_solved: list[str]
    housing_target: datetime.date
    housing_target_missed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        disaster_id = self.disaster_id

        version = self.version

        county_code = self.county_code

        name = self.name

        allocation_fen = self.allocation_fen

        granted_fen = self.granted_fen

        households = []
        for households_item_data in self.households:
            households_item = households_item_data.to_dict()
            households.append(households_item)

        in_temporary_shelter = self.in_temporary_shelter

        housing_solved = self.housing_solved

        housing_target = self.housing_target.isoformat()

        housing_target_missed = self.housing_target_missed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "disaster_id": disaster_id,
                "version": version,
                "county_code": county_code,
                "name": name,
                "allocation_fen": allocation_fen,
                "granted_fen": granted_fen,
                "households": households,
                "in_temporary_shelter": in_temporary_shelter,
                "housing_solved": housing_solved,
                "housing_target": housing_target,
                "housing_target_missed": housing_target_missed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.grant_read import GrantRead

        d = dict(src_dict)
        disaster_id = d.pop("disaster_id")

        version = d.pop("version")

        county_code = d.pop("county_code")

        name = d.pop("name")

        allocation_fen = d.pop("allocation_fen")

        granted_fen = d.pop("granted_fen")

        households = []
        _households = d.pop("households")
        for households_item_data in _households:
            households_item = GrantRead.from_dict(households_item_data)

            households.append(households_item)

        in_temporary_shelter = cast(list[str], d.pop("in_temporary_shelter"))

        housing_solved = cast(list[str], d.pop("housing_solved"))

        housing_target = datetime.date.fromisoformat(d.pop("housing_target"))

        housing_target_missed = d.pop("housing_target_missed")

        disaster_read = cls(
            disaster_id=disaster_id,
            version=version,
            county_code=county_code,
            name=name,
            allocation_fen=allocation_fen,
            granted_fen=granted_fen,
            households=households,
            in_temporary_shelter=in_temporary_shelter,
            housing_solved=housing_solved,
            housing_target=housing_target,
            housing_target_missed=housing_target_missed,
        )

        disaster_read.additional_properties = d
        return disaster_read

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
