from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.kinship import Kinship
from ..models.official_role import OfficialRole

T = TypeVar("T", bound="StaffRelativeRead")


@_attrs_define
class StaffRelativeRead:
    """A registered staff-relative declaration (resident ID masked).

    Attributes:
        application_id (str):
        division_code (str):
        member_resident_id_masked (str):
        official_name (str):
        official_role (OfficialRole): Whose relative the member is (近亲属备案, INT-10).
        official_org (str):
        kinship (Kinship): The close-relative relation to the official.
        declared_at (datetime.datetime):
    """

    application_id: str
    division_code: str
    member_resident_id_masked: str
    official_name: str
    official_role: OfficialRole
    official_org: str
    kinship: Kinship
    declared_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        division_code = self.division_code

        member_resident_id_masked = self.member_resident_id_masked

        official_name = self.official_name

        official_role = self.official_role.value

        official_org = self.official_org

        kinship = self.kinship.value

        declared_at = self.declared_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "division_code": division_code,
                "member_resident_id_masked": member_resident_id_masked,
                "official_name": official_name,
                "official_role": official_role,
                "official_org": official_org,
                "kinship": kinship,
                "declared_at": declared_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        application_id = d.pop("application_id")

        division_code = d.pop("division_code")

        member_resident_id_masked = d.pop("member_resident_id_masked")

        official_name = d.pop("official_name")

        official_role = OfficialRole(d.pop("official_role"))

        official_org = d.pop("official_org")

        kinship = Kinship(d.pop("kinship"))

        declared_at = datetime.datetime.fromisoformat(d.pop("declared_at"))

        staff_relative_read = cls(
            application_id=application_id,
            division_code=division_code,
            member_resident_id_masked=member_resident_id_masked,
            official_name=official_name,
            official_role=official_role,
            official_org=official_org,
            kinship=kinship,
            declared_at=declared_at,
        )

        staff_relative_read.additional_properties = d
        return staff_relative_read

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
