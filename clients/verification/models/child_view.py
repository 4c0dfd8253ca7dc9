from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.allowance_end_view import AllowanceEndView
    from ..models.assessment_view import AssessmentView
    from ..models.guardian_view import GuardianView
    from ..models.visit_view import VisitView


T = TypeVar("T", bound="ChildView")


@_attrs_define
class ChildView:
    """A child on the register as its stream says now.

    Attributes:
        child_id (str):
        version (int):
        resident_id_masked (str):
        name (str):
        division_code (str):
        registration (str):
        category (str):
        age (int):
        guardianship_status (str):
        guardian (GuardianView | None):
        registered_on (datetime.date):
        visits (list[VisitView]):
        assessments (list[AssessmentView]):
        allowance_end (AllowanceEndView | None | Unset):
    """

    child_id: str
    version: int
    resident_id_masked: str
    name: str
    division_code: str
    registration: str
    category: str
    age: int
    guardianship_status: str
    guardian: GuardianView | None
    registered_on: datetime.date
    visits: list[VisitView]
    assessments: list[AssessmentView]
    allowance_end: AllowanceEndView | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.allowance_end_view import AllowanceEndView
        from ..models.guardian_view import GuardianView

        child_id = self.child_id

        version = self.version

        resident_id_masked = self.resident_id_masked

        name = self.name

        division_code = self.division_code

        registration = self.registration

        category = self.category

        age = self.age

        guardianship_status = self.guardianship_status

        guardian: dict[str, Any] | None
        if isinstance(self.guardian, GuardianView):
            guardian = self.guardian.to_dict()
        else:
            guardian = self.guardian

        registered_on = self.registered_on.isoformat()

        visits = []
        for visits_item_data in self.visits:
            visits_item = visits_item_data.to_dict()
            visits.append(visits_item)

        assessments = []
        for assessments_item_data in self.assessments:
            assessments_item = assessments_item_data.to_dict()
            assessments.append(assessments_item)

        allowance_end: dict[str, Any] | None | Unset
        if isinstance(self.allowance_end, Unset):
            allowance_end = UNSET
        elif isinstance(self.allowance_end, AllowanceEndView):
            allowance_end = self.allowance_end.to_dict()
        else:
            allowance_end = self.allowance_end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "child_id": child_id,
                "version": version,
                "resident_id_masked": resident_id_masked,
                "name": name,
                "division_code": division_code,
                "registration": registration,
                "category": category,
                "age": age,
                "guardianship_status": guardianship_status,
                "guardian": guardian,
                "registered_on": registered_on,
                "visits": visits,
                "assessments": assessments,
            }
        )
        if allowance_end is not UNSET:
            field_dict["allowance_end"] = allowance_end

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.allowance_end_view import AllowanceEndView
        from ..models.assessment_view import AssessmentView
        from ..models.guardian_view import GuardianView
        from ..models.visit_view import VisitView

        d = dict(src_dict)
        child_id = d.pop("child_id")

        version = d.pop("version")

        resident_id_masked = d.pop("resident_id_masked")

        name = d.pop("name")

        division_code = d.pop("division_code")

        registration = d.pop("registration")

        category = d.pop("category")

        age = d.pop("age")

        guardianship_status = d.pop("guardianship_status")

        def _parse_guardian(data: object) -> GuardianView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                guardian_type_0 = GuardianView.from_dict(data)

                return guardian_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GuardianView | None, data)

        guardian = _parse_guardian(d.pop("guardian"))

        registered_on = datetime.date.fromisoformat(d.pop("registered_on"))

        visits = []
        _visits = d.pop("visits")
        for visits_item_data in _visits:
            visits_item = VisitView.from_dict(visits_item_data)

            visits.append(visits_item)

        assessments = []
        _assessments = d.pop("assessments")
        for assessments_item_data in _assessments:
            assessments_item = AssessmentView.from_dict(assessments_item_data)

            assessments.append(assessments_item)

        def _parse_allowance_end(data: object) -> AllowanceEndView | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                allowance_end_type_0 = AllowanceEndView.from_dict(data)

                return allowance_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AllowanceEndView | None | Unset, data)

        allowance_end = _parse_allowance_end(d.pop("allowance_end", UNSET))

        child_view = cls(
            child_id=child_id,
            version=version,
            resident_id_masked=resident_id_masked,
            name=name,
            division_code=division_code,
            registration=registration,
            category=category,
            age=age,
            guardianship_status=guardianship_status,
            guardian=guardian,
            registered_on=registered_on,
            visits=visits,
            assessments=assessments,
            allowance_end=allowance_end,
        )

        child_view.additional_properties = d
        return child_view

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
