from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.programme import Programme
from ..models.registration import Registration
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bank_account_holder_out import BankAccountHolderOut
    from ..models.member_out import MemberOut
    from ..models.route_out import RouteOut


T = TypeVar("T", bound="ApplicationRead")


@_attrs_define
class ApplicationRead:
    """An application as the read model holds it.

    Attributes:
        application_id (str):
        version (int):
        division_code (str):
        registration (Registration): Household registration (户籍) type.
        programmes (list[Programme]):
        status (str): open | decided | withdrawn
        members (list[MemberOut]):
        declared_monthly_income_fen (int):
        declared_assets_fen (int):
        staff_relative (bool): 近亲属备案：需重点审核
        accepted_by (str):
        accepted_at (datetime.datetime):
        routes (list[RouteOut] | Unset):
        bank_account_holder (BankAccountHolderOut | None | Unset):
    """

    application_id: str
    version: int
    division_code: str
    registration: Registration
    programmes: list[Programme]
    status: str
    members: list[MemberOut]
    declared_monthly_income_fen: int
    declared_assets_fen: int
    staff_relative: bool
    accepted_by: str
    accepted_at: datetime.datetime
    routes: list[RouteOut] | Unset = UNSET
    bank_account_holder: BankAccountHolderOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.bank_account_holder_out import BankAccountHolderOut

        application_id = self.application_id

        version = self.version

        division_code = self.division_code

        registration = self.registration.value

        programmes = []
        for programmes_item_data in self.programmes:
            programmes_item = programmes_item_data.value
            programmes.append(programmes_item)

        status = self.status

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        declared_monthly_income_fen = self.declared_monthly_income_fen

        declared_assets_fen = self.declared_assets_fen

        staff_relative = self.staff_relative

        accepted_by = self.accepted_by

        accepted_at = self.accepted_at.isoformat()

        routes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.routes, Unset):
            routes = []
            for routes_item_data in self.routes:
                routes_item = routes_item_data.to_dict()
                routes.append(routes_item)

        bank_account_holder: dict[str, Any] | None | Unset
        if isinstance(self.bank_account_holder, Unset):
            bank_account_holder = UNSET
        elif isinstance(self.bank_account_holder, BankAccountHolderOut):
            bank_account_holder = self.bank_account_holder.to_dict()
        else:
            bank_account_holder = self.bank_account_holder

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "version": version,
                "division_code": division_code,
                "registration": registration,
                "programmes": programmes,
                "status": status,
                "members": members,
                "declared_monthly_income_fen": declared_monthly_income_fen,
                "declared_assets_fen": declared_assets_fen,
                "staff_relative": staff_relative,
                "accepted_by": accepted_by,
                "accepted_at": accepted_at,
            }
        )
        if routes is not UNSET:
            field_dict["routes"] = routes
        if bank_account_holder is not UNSET:
            field_dict["bank_account_holder"] = bank_account_holder

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bank_account_holder_out import BankAccountHolderOut
        from ..models.member_out import MemberOut
        from ..models.route_out import RouteOut

        d = dict(src_dict)
        application_id = d.pop("application_id")

        version = d.pop("version")

        division_code = d.pop("division_code")

        registration = Registration(d.pop("registration"))

        programmes = []
        _programmes = d.pop("programmes")
        for programmes_item_data in _programmes:
            programmes_item = Programme(programmes_item_data)

            programmes.append(programmes_item)

        status = d.pop("status")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MemberOut.from_dict(members_item_data)

            members.append(members_item)

        declared_monthly_income_fen = d.pop("declared_monthly_income_fen")

        declared_assets_fen = d.pop("declared_assets_fen")

        staff_relative = d.pop("staff_relative")

        accepted_by = d.pop("accepted_by")

        accepted_at = datetime.datetime.fromisoformat(d.pop("accepted_at"))

        _routes = d.pop("routes", UNSET)
        routes: list[RouteOut] | Unset = UNSET
        if _routes is not UNSET:
            routes = []
            for routes_item_data in _routes:
                routes_item = RouteOut.from_dict(routes_item_data)

                routes.append(routes_item)

        def _parse_bank_account_holder(
            data: object,
        ) -> BankAccountHolderOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bank_account_holder_type_0 = BankAccountHolderOut.from_dict(data)

                return bank_account_holder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BankAccountHolderOut | None | Unset, data)

        bank_account_holder = _parse_bank_account_holder(
            d.pop("bank_account_holder", UNSET)
        )

        application_read = cls(
            application_id=application_id,
            version=version,
            division_code=division_code,
            registration=registration,
            programmes=programmes,
            status=status,
            members=members,
            declared_monthly_income_fen=declared_monthly_income_fen,
            declared_assets_fen=declared_assets_fen,
            staff_relative=staff_relative,
            accepted_by=accepted_by,
            accepted_at=accepted_at,
            routes=routes,
            bank_account_holder=bank_account_holder,
        )

        application_read.additional_properties = d
        return application_read

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
