from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.programme import Programme
from ..models.registration import Registration
from ..models.submission_channel import SubmissionChannel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.application_create_programme_details import (
        ApplicationCreateProgrammeDetails,
    )
    from ..models.authorisation_in import AuthorisationIn
    from ..models.bank_account_holder_in import BankAccountHolderIn
    from ..models.member_in import MemberIn
    from ..models.staff_relative_in import StaffRelativeIn


T = TypeVar("T", bound="ApplicationCreate")


@_attrs_define
class ApplicationCreate:
    """A household application accepted at a township/street office.

    Attributes:
        division_code (str): Township (9 digits) or village (12 digits) of residence
        registration (Registration): Household registration (户籍) type.
        programmes (list[Programme]):
        members (list[MemberIn]):
        declared_monthly_income_fen (int): household, 分/月
        declared_assets_fen (int): 分
        authorisation (AuthorisationIn): The signed authorisation for economic verification (家庭经济状况核对授权书).
        channel (SubmissionChannel | Unset): How the application reached the township office.
        bank_account (None | str | Unset):
        bank_account_holder (BankAccountHolderIn | None | Unset): 银行账户持有人（可选）：不是家庭成员的，监督检查将预警
        staff_relatives (list[StaffRelativeIn] | Unset): 近亲属备案 (INT-10)
        programme_details (ApplicationCreateProgrammeDetails | Unset): INT-1 明细，如 extreme_poverty: {care: centralised,
            self_care: partial}
        handed_in_id (None | str | Unset): 村（居）委会代为提交的记录编号：受理后渠道记为 assisted_by_village_committee
        urgent_case_id (None | str | Unset): 后续救助：the urgent case this application follows up (INT-7); when assistance
            was granted first, verification is due 5 working days after the grant
    """

    division_code: str
    registration: Registration
    programmes: list[Programme]
    members: list[MemberIn]
    declared_monthly_income_fen: int
    declared_assets_fen: int
    authorisation: AuthorisationIn
    channel: SubmissionChannel | Unset = UNSET
    bank_account: None | str | Unset = UNSET
    bank_account_holder: BankAccountHolderIn | None | Unset = UNSET
    staff_relatives: list[StaffRelativeIn] | Unset = UNSET
    programme_details: ApplicationCreateProgrammeDetails | Unset = UNSET
    handed_in_id: None | str | Unset = UNSET
    urgent_case_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.bank_account_holder_in import BankAccountHolderIn

        division_code = self.division_code

        registration = self.registration.value

        programmes = []
        for programmes_item_data in self.programmes:
            programmes_item = programmes_item_data.value
            programmes.append(programmes_item)

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        declared_monthly_income_fen = self.declared_monthly_income_fen

        declared_assets_fen = self.declared_assets_fen

        authorisation = self.authorisation.to_dict()

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value

        bank_account: None | str | Unset
        if isinstance(self.bank_account, Unset):
            bank_account = UNSET
        else:
            bank_account = self.bank_account

        bank_account_holder: dict[str, Any] | None | Unset
        if isinstance(self.bank_account_holder, Unset):
            bank_account_holder = UNSET
        elif isinstance(self.bank_account_holder, BankAccountHolderIn):
            bank_account_holder = self.bank_account_holder.to_dict()
        else:
            bank_account_holder = self.bank_account_holder

        staff_relatives: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.staff_relatives, Unset):
            staff_relatives = []
            for staff_relatives_item_data in self.staff_relatives:
                staff_relatives_item = staff_relatives_item_data.to_dict()
                staff_relatives.append(staff_relatives_item)

        programme_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.programme_details, Unset):
            programme_details = self.programme_details.to_dict()

        handed_in_id: None | str | Unset
        if isinstance(self.handed_in_id, Unset):
            handed_in_id = UNSET
        else:
            handed_in_id = self.handed_in_id

        urgent_case_id: None | str | Unset
        if isinstance(self.urgent_case_id, Unset):
            urgent_case_id = UNSET
        else:
            urgent_case_id = self.urgent_case_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "division_code": division_code,
                "registration": registration,
                "programmes": programmes,
                "members": members,
                "declared_monthly_income_fen": declared_monthly_income_fen,
                "declared_assets_fen": declared_assets_fen,
                "authorisation": authorisation,
            }
        )
        if channel is not UNSET:
            field_dict["channel"] = channel
        if bank_account is not UNSET:
            field_dict["bank_account"] = bank_account
        if bank_account_holder is not UNSET:
            field_dict["bank_account_holder"] = bank_account_holder
        if staff_relatives is not UNSET:
            field_dict["staff_relatives"] = staff_relatives
        if programme_details is not UNSET:
            field_dict["programme_details"] = programme_details
        if handed_in_id is not UNSET:
            field_dict["handed_in_id"] = handed_in_id
        if urgent_case_id is not UNSET:
            field_dict["urgent_case_id"] = urgent_case_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.application_create_programme_details import (
            ApplicationCreateProgrammeDetails,
        )
        from ..models.authorisation_in import AuthorisationIn
        from ..models.bank_account_holder_in import BankAccountHolderIn
        from ..models.member_in import MemberIn
        from ..models.staff_relative_in import StaffRelativeIn

        d = dict(src_dict)
        division_code = d.pop("division_code")

        registration = Registration(d.pop("registration"))

        programmes = []
        _programmes = d.pop("programmes")
        for programmes_item_data in _programmes:
            programmes_item = Programme(programmes_item_data)

            programmes.append(programmes_item)

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MemberIn.from_dict(members_item_data)

            members.append(members_item)

        declared_monthly_income_fen = d.pop("declared_monthly_income_fen")

        declared_assets_fen = d.pop("declared_assets_fen")

        authorisation = AuthorisationIn.from_dict(d.pop("authorisation"))

        _channel = d.pop("channel", UNSET)
        channel: SubmissionChannel | Unset
        if isinstance(_channel, Unset):
            channel = UNSET
        else:
            channel = SubmissionChannel(_channel)

        def _parse_bank_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_account = _parse_bank_account(d.pop("bank_account", UNSET))

        def _parse_bank_account_holder(
            data: object,
        ) -> BankAccountHolderIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bank_account_holder_type_0 = BankAccountHolderIn.from_dict(data)

                return bank_account_holder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BankAccountHolderIn | None | Unset, data)

        bank_account_holder = _parse_bank_account_holder(
            d.pop("bank_account_holder", UNSET)
        )

        _staff_relatives = d.pop("staff_relatives", UNSET)
        staff_relatives: list[StaffRelativeIn] | Unset = UNSET
        if _staff_relatives is not UNSET:
            staff_relatives = []
            for staff_relatives_item_data in _staff_relatives:
                staff_relatives_item = StaffRelativeIn.from_dict(
                    staff_relatives_item_data
                )

                staff_relatives.append(staff_relatives_item)

        _programme_details = d.pop("programme_details", UNSET)
        programme_details: ApplicationCreateProgrammeDetails | Unset
        if isinstance(_programme_details, Unset):
            programme_details = UNSET
        else:
            programme_details = ApplicationCreateProgrammeDetails.from_dict(
                _programme_details
            )

        def _parse_handed_in_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        handed_in_id = _parse_handed_in_id(d.pop("handed_in_id", UNSET))

        def _parse_urgent_case_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        urgent_case_id = _parse_urgent_case_id(d.pop("urgent_case_id", UNSET))

        application_create = cls(
            division_code=division_code,
            registration=registration,
            programmes=programmes,
            members=members,
            declared_monthly_income_fen=declared_monthly_income_fen,
            declared_assets_fen=declared_assets_fen,
            authorisation=authorisation,
            channel=channel,
            bank_account=bank_account,
            bank_account_holder=bank_account_holder,
            staff_relatives=staff_relatives,
            programme_details=programme_details,
            handed_in_id=handed_in_id,
            urgent_case_id=urgent_case_id,
        )

        return application_create
