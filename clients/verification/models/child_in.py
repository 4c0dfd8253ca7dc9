from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.child_in_category import ChildInCategory
from ..models.child_in_guardianship_status import ChildInGuardianshipStatus
from ..models.child_in_registration import ChildInRegistration
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guardian_in import GuardianIn


T = TypeVar("T", bound="ChildIn")


@_attrs_define
class ChildIn:
    """A child put on the register by the township (农村留守儿童、困境儿童、孤儿、贫困残疾儿童).

    Attributes:
        resident_id (str): 18-character resident ID (GB 11643): 17 digits and a digit or X, a real address code and
            birth date, and the check character (ISO 7064 MOD 11-2)
        name (str):
        division_code (str): the child's township or village
        registration (ChildInRegistration):
        category (ChildInCategory): left_behind 留守儿童 | in_difficulty 困境儿童 | orphan 孤儿 | poor_disabled 贫困残疾儿童
        guardianship_status (ChildInGuardianshipStatus): parental 父母监护 | entrusted 委托亲属监护 | institutional 机构监护 |
            inadequate 监护不力 | none 无人监护
        guardian (GuardianIn | None | Unset): required unless status none
    """

    resident_id: str
    name: str
    division_code: str
    registration: ChildInRegistration
    category: ChildInCategory
    guardianship_status: ChildInGuardianshipStatus
    guardian: GuardianIn | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.guardian_in import GuardianIn

        resident_id = self.resident_id

        name = self.name

        division_code = self.division_code

        registration = self.registration.value

        category = self.category.value

        guardianship_status = self.guardianship_status.value

        guardian: dict[str, Any] | None | Unset
        if isinstance(self.guardian, Unset):
            guardian = UNSET
        elif isinstance(self.guardian, GuardianIn):
            guardian = self.guardian.to_dict()
        else:
            guardian = self.guardian

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resident_id": resident_id,
                "name": name,
                "division_code": division_code,
                "registration": registration,
                "category": category,
                "guardianship_status": guardianship_status,
            }
        )
        if guardian is not UNSET:
            field_dict["guardian"] = guardian

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.guardian_in import GuardianIn

        d = dict(src_dict)
        resident_id = d.pop("resident_id")

        name = d.pop("name")

        division_code = d.pop("division_code")

        registration = ChildInRegistration(d.pop("registration"))

        category = ChildInCategory(d.pop("category"))

        guardianship_status = ChildInGuardianshipStatus(d.pop("guardianship_status"))

        def _parse_guardian(data: object) -> GuardianIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                guardian_type_0 = GuardianIn.from_dict(data)

                return guardian_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GuardianIn | None | Unset, data)

        guardian = _parse_guardian(d.pop("guardian", UNSET))

        child_in = cls(
            resident_id=resident_id,
            name=name,
            division_code=division_code,
            registration=registration,
            category=category,
            guardianship_status=guardianship_status,
            guardian=guardian,
        )

        return child_in
