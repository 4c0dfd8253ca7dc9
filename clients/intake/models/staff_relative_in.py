from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.kinship import Kinship
from ..models.official_role import OfficialRole

T = TypeVar("T", bound="StaffRelativeIn")


@_attrs_define
class StaffRelativeIn:
    """INT-10: a member who is a close relative of a cadre or civil affairs staff member.

    Attributes:
        member_resident_id (str): 18-character resident ID (GB 11643): 17 digits and a digit or X, a real address code
            and birth date, and the check character (ISO 7064 MOD 11-2)
        official_name (str):
        official_role (OfficialRole): Whose relative the member is (近亲属备案, INT-10).
        official_org (str): 干部或工作人员所在单位
        kinship (Kinship): The close-relative relation to the official.
    """

    member_resident_id: str
    official_name: str
    official_role: OfficialRole
    official_org: str
    kinship: Kinship

    def to_dict(self) -> dict[str, Any]:
        member_resident_id = self.member_resident_id

        official_name = self.official_name

        official_role = self.official_role.value

        official_org = self.official_org

        kinship = self.kinship.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_resident_id": member_resident_id,
                "official_name": official_name,
                "official_role": official_role,
                "official_org": official_org,
                "kinship": kinship,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        member_resident_id = d.pop("member_resident_id")

        official_name = d.pop("official_name")

        official_role = OfficialRole(d.pop("official_role"))

        official_org = d.pop("official_org")

        kinship = Kinship(d.pop("kinship"))

        staff_relative_in = cls(
            member_resident_id=member_resident_id,
            official_name=official_name,
            official_role=official_role,
            official_org=official_org,
            kinship=kinship,
        )

        return staff_relative_in
