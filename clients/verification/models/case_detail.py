from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.case_detail_clocks import CaseDetailClocks
    from ..models.death_view import DeathView
    from ..models.member_view import MemberView


T = TypeVar("T", bound="CaseDetail")


@_attrs_define
class CaseDetail:
    """One programme's verification file, as the event stream says now.

    Attributes:
        case_id (str):
        programme (str):
        version (int):
        stage (str):
        division_code (str):
        household_size (int):
        members (list[MemberView]):
        evidence_sources_answered (int):
        evidence_sources_expected (int):
        assessed_monthly_income_fen (int | None):
        differences (list[str]):
        investigated (bool):
        appraised (bool):
        proposed_monthly_amount_fen (int | None):
        batch_id (None | str):
        notice_period_ends_on (datetime.date | None):
        approved_monthly_amount_fen (int):
        overdue (list[str]):
        clocks (CaseDetailClocks):
        priority_flags (list[str]):
        notice_period_days (int | None | Unset):
        notice_policy_version (int | None | Unset):
        amount_basis (None | str | Unset):
        override_reason (None | str | Unset):
        overridden_by (None | str | Unset):
        deaths_reported (list[DeathView] | Unset):
        deceased_members_masked (list[str] | Unset):
        declared_relative (bool | Unset):  Default: False.
        decide_by (datetime.date | None | Unset):
    """

    case_id: str
    programme: str
    version: int
    stage: str
    division_code: str
    household_size: int
    members: list[MemberView]
    evidence_sources_answered: int
    evidence_sources_expected: int
    assessed_monthly_income_fen: int | None
    differences: list[str]
    investigated: bool
    appraised: bool
    proposed_monthly_amount_fen: int | None
    batch_id: None | str
    notice_period_ends_on: datetime.date | None
    approved_monthly_amount_fen: int
    overdue: list[str]
    clocks: CaseDetailClocks
    priority_flags: list[str]
    notice_period_days: int | None | Unset = UNSET
    notice_policy_version: int | None | Unset = UNSET
    amount_basis: None | str | Unset = UNSET
    override_reason: None | str | Unset = UNSET
    overridden_by: None | str | Unset = UNSET
    deaths_reported: list[DeathView] | Unset = UNSET
    deceased_members_masked: list[str] | Unset = UNSET
    declared_relative: bool | Unset = False
    decide_by: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        programme = self.programme

        version = self.version

        stage = self.stage

        division_code = self.division_code

        household_size = self.household_size

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        evidence_sources_answered = self.evidence_sources_answered

        evidence_sources_expected = self.evidence_sources_expected

        assessed_monthly_income_fen: int | None
        assessed_monthly_income_fen = self.assessed_monthly_income_fen

        differences = self.differences

        investigated = self.investigated

        appraised = self.appraised

        proposed_monthly_amount_fen: int | None
        proposed_monthly_amount_fen = self.proposed_monthly_amount_fen

        batch_id: None | str
        batch_id = self.batch_id

        notice_period_ends_on: None | str
        if isinstance(self.notice_period_ends_on, datetime.date):
            notice_period_ends_on = self.notice_period_ends_on.isoformat()
        else:
            notice_period_ends_on = self.notice_period_ends_on

        approved_monthly_amount_fen = self.approved_monthly_amount_fen

        overdue = self.overdue

        clocks = self.clocks.to_dict()

        priority_flags = self.priority_flags

        notice_period_days: int | None | Unset
        if isinstance(self.notice_period_days, Unset):
            notice_period_days = UNSET
        else:
            notice_period_days = self.notice_period_days

        notice_policy_version: int | None | Unset
        if isinstance(self.notice_policy_version, Unset):
            notice_policy_version = UNSET
        else:
            notice_policy_version = self.notice_policy_version

        amount_basis: None | str | Unset
        if isinstance(self.amount_basis, Unset):
            amount_basis = UNSET
        else:
            amount_basis = self.amount_basis

        override_reason: None | str | Unset
        if isinstance(self.override_reason, Unset):
            override_reason = UNSET
        else:
            override_reason = self.override_reason

        overridden_by: None | str | Unset
        if isinstance(self.overridden_by, Unset):
            overridden_by = UNSET
        else:
            overridden_by = self.overridden_by

        deaths_reported: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.deaths_reported, Unset):
            deaths_reported = []
            for deaths_reported_item_data in self.deaths_reported:
                deaths_reported_item = deaths_reported_item_data.to_dict()
                deaths_reported.append(deaths_reported_item)

        deceased_members_masked: list[str] | Unset = UNSET
        if not isinstance(self.deceased_members_masked, Unset):
            deceased_members_masked = self.deceased_members_masked

        declared_relative = self.declared_relative

        decide_by: None | str | Unset
        if isinstance(self.decide_by, Unset):
            decide_by = UNSET
        elif isinstance(self.decide_by, datetime.date):
            decide_by = self.decide_by.isoformat()
        else:
            decide_by = self.decide_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "programme": programme,
                "version": version,
                "stage": stage,
                "division_code": division_code,
                "household_size": household_size,
                "members": members,
                "evidence_sources_answered": evidence_sources_answered,
                "evidence_sources_expected": evidence_sources_expected,
                "assessed_monthly_income_fen": assessed_monthly_income_fen,
                "differences": differences,
                "investigated": investigated,
                "appraised": appraised,
                "proposed_monthly_amount_fen": proposed_monthly_amount_fen,
                "batch_id": batch_id,
                "notice_period_ends_on": notice_period_ends_on,
                "approved_monthly_amount_fen": approved_monthly_amount_fen,
                "overdue": overdue,
                "clocks": clocks,
                "priority_flags": priority_flags,
            }
        )
        if notice_period_days is not UNSET:
            field_dict["notice_period_days"] = notice_period_days
        if notice_policy_version is not UNSET:
            field_dict["notice_policy_version"] = notice_policy_version
        if amount_basis is not UNSET:
            field_dict["amount_basis"] = amount_basis
        if override_reason is not UNSET:
            field_dict["override_reason"] = override_reason
        if overridden_by is not UNSET:
            field_dict["overridden_by"] = overridden_by
        if deaths_reported is not UNSET:
            field_dict["deaths_reported"] = deaths_reported
        if deceased_members_masked is not UNSET:
            field_dict["deceased_members_masked"] = deceased_members_masked
        if declared_relative is not UNSET:
            field_dict["declared_relative"] = declared_relative
        if decide_by is not UNSET:
            field_dict["decide_by"] = decide_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.case_detail_clocks import CaseDetailClocks
        from ..models.death_view import DeathView
        from ..models.member_view import MemberView

        d = dict(src_dict)
        case_id = d.pop("case_id")

        programme = d.pop("programme")

        version = d.pop("version")

        stage = d.pop("stage")

        division_code = d.pop("division_code")

        household_size = d.pop("household_size")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MemberView.from_dict(members_item_data)

            members.append(members_item)

        evidence_sources_answered = d.pop("evidence_sources_answered")

        evidence_sources_expected = d.pop("evidence_sources_expected")

        def _parse_assessed_monthly_income_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assessed_monthly_income_fen = _parse_assessed_monthly_income_fen(
            d.pop("assessed_monthly_income_fen")
        )

        differences = cast(list[str], d.pop("differences"))

        investigated = d.pop("investigated")

        appraised = d.pop("appraised")

        def _parse_proposed_monthly_amount_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        proposed_monthly_amount_fen = _parse_proposed_monthly_amount_fen(
            d.pop("proposed_monthly_amount_fen")
        )

        def _parse_batch_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        batch_id = _parse_batch_id(d.pop("batch_id"))

        def _parse_notice_period_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notice_period_ends_on_type_0 = datetime.date.fromisoformat(data)

                return notice_period_ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        notice_period_ends_on = _parse_notice_period_ends_on(
            d.pop("notice_period_ends_on")
        )

        approved_monthly_amount_fen = d.pop("approved_monthly_amount_fen")

        overdue = cast(list[str], d.pop("overdue"))

        clocks = CaseDetailClocks.from_dict(d.pop("clocks"))

        priority_flags = cast(list[str], d.pop("priority_flags"))

        def _parse_notice_period_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        notice_period_days = _parse_notice_period_days(
            d.pop("notice_period_days", UNSET)
        )

        def _parse_notice_policy_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        notice_policy_version = _parse_notice_policy_version(
            d.pop("notice_policy_version", UNSET)
        )

        def _parse_amount_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount_basis = _parse_amount_basis(d.pop("amount_basis", UNSET))

        def _parse_override_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        override_reason = _parse_override_reason(d.pop("override_reason", UNSET))

        def _parse_overridden_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        overridden_by = _parse_overridden_by(d.pop("overridden_by", UNSET))

        _deaths_reported = d.pop("deaths_reported", UNSET)
        deaths_reported: list[DeathView] | Unset = UNSET
        if _deaths_reported is not UNSET:
            deaths_reported = []
            for deaths_reported_item_data in _deaths_reported:
                deaths_reported_item = DeathView.from_dict(deaths_reported_item_data)

                deaths_reported.append(deaths_reported_item)

        deceased_members_masked = cast(
            list[str], d.pop("deceased_members_masked", UNSET)
        )

        declared_relative = d.pop("declared_relative", UNSET)

        def _parse_decide_by(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decide_by_type_0 = datetime.date.fromisoformat(data)

                return decide_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        decide_by = _parse_decide_by(d.pop("decide_by", UNSET))

        case_detail = cls(
            case_id=case_id,
            programme=programme,
            version=version,
            stage=stage,
            division_code=division_code,
            household_size=household_size,
            members=members,
            evidence_sources_answered=evidence_sources_answered,
            evidence_sources_expected=evidence_sources_expected,
            assessed_monthly_income_fen=assessed_monthly_income_fen,
            differences=differences,
            investigated=investigated,
            appraised=appraised,
            proposed_monthly_amount_fen=proposed_monthly_amount_fen,
            batch_id=batch_id,
            notice_period_ends_on=notice_period_ends_on,
            approved_monthly_amount_fen=approved_monthly_amount_fen,
            overdue=overdue,
            clocks=clocks,
            priority_flags=priority_flags,
            notice_period_days=notice_period_days,
            notice_policy_version=notice_policy_version,
            amount_basis=amount_basis,
            override_reason=override_reason,
            overridden_by=overridden_by,
            deaths_reported=deaths_reported,
            deceased_members_masked=deceased_members_masked,
            declared_relative=declared_relative,
            decide_by=decide_by,
        )

        case_detail.additional_properties = d
        return case_detail

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
