from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.institution_kind import InstitutionKind

if TYPE_CHECKING:
    from ..models.hazard_check_read import HazardCheckRead
    from ..models.hazard_read import HazardRead
    from ..models.safety_activity_read import SafetyActivityRead


T = TypeVar("T", bound="InstitutionRead")


@_attrs_define
class InstitutionRead:
    """An institution's safety file: registration, checks, hazards, drills and trainings.

    Attributes:
        institution_id (str):
        kind (InstitutionKind): The institutions the notice names.
        name (str):
        division_code (str):
        capacity (int):
        version (int): the file's version: If-Match of the next record
        checks (list[HazardCheckRead]):
        hazards (list[HazardRead]):
        activities (list[SafetyActivityRead]):
    """

    institution_id: str
    kind: InstitutionKind
    name: str
    division_code: str
    capacity: int
    version: int
    checks: list[HazardCheckRead]
    hazards: list[HazardRead]
    activities: list[SafetyActivityRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution_id = self.institution_id

        kind = self.kind.value

        name = self.name

        division_code = self.division_code

        capacity = self.capacity

        version = self.version

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        hazards = []
        for hazards_item_data in self.hazards:
            hazards_item = hazards_item_data.to_dict()
            hazards.append(hazards_item)

        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "institution_id": institution_id,
                "kind": kind,
                "name": name,
                "division_code": division_code,
                "capacity": capacity,
                "version": version,
                "checks": checks,
                "hazards": hazards,
                "activities": activities,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.hazard_check_read import HazardCheckRead
        from ..models.hazard_read import HazardRead
        from ..models.safety_activity_read import SafetyActivityRead

        d = dict(src_dict)
        institution_id = d.pop("institution_id")

        kind = InstitutionKind(d.pop("kind"))

        name = d.pop("name")

        division_code = d.pop("division_code")

        capacity = d.pop("capacity")

        version = d.pop("version")

        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = HazardCheckRead.from_dict(checks_item_data)

            checks.append(checks_item)

        hazards = []
        _hazards = d.pop("hazards")
        for hazards_item_data in _hazards:
            hazards_item = HazardRead.from_dict(hazards_item_data)

            hazards.append(hazards_item)

        activities = []
        _activities = d.pop("activities")
        for activities_item_data in _activities:
            activities_item = SafetyActivityRead.from_dict(activities_item_data)

            activities.append(activities_item)

        institution_read = cls(
            institution_id=institution_id,
            kind=kind,
            name=name,
            division_code=division_code,
            capacity=capacity,
            version=version,
            checks=checks,
            hazards=hazards,
            activities=activities,
        )

        institution_read.additional_properties = d
        return institution_read

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
