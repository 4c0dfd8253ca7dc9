from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reporter import Reporter
from ..types import UNSET, Unset

T = TypeVar("T", bound="UrgentCaseRead")


@_attrs_define
class UrgentCaseRead:
    """An urgent case with its deadline, aid and charity help.

    Attributes:
        urgent_case_id (str):
        version (int):
        division_code (str):
        reporter (Reporter): Who reported the person in difficulty (主动发现报告).
        status (str): open | responded
        overdue (bool):
        reported_at (datetime.datetime):
        respond_by (datetime.datetime):
        prior_assistance_fen (int):
        charity_help_fen (int):
        follow_up_application_id (None | str | Unset): 后续救助申请：the application filed naming this case (INT-7)
        verification_due (datetime.date | None | Unset): its verification is due by (5 working days after the grant)
    """

    urgent_case_id: str
    version: int
    division_code: str
    reporter: Reporter
    status: str
    overdue: bool
    reported_at: datetime.datetime
    respond_by: datetime.datetime
    prior_assistance_fen: int
    charity_help_fen: int
    follow_up_application_id: None | str | Unset = UNSET
    verification_due: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        urgent_case_id = self.urgent_case_id

        version = self.version

        division_code = self.division_code

        reporter = self.reporter.value

        status = self.status

        overdue = self.overdue

        reported_at = self.reported_at.isoformat()

        respond_by = self.respond_by.isoformat()

        prior_assistance_fen = self.prior_assistance_fen

        charity_help_fen = self.charity_help_fen

        follow_up_application_id: None | str | Unset
        if isinstance(self.follow_up_application_id, Unset):
            follow_up_application_id = UNSET
        else:
            follow_up_application_id = self.follow_up_application_id

        verification_due: None | str | Unset
        if isinstance(self.verification_due, Unset):
            verification_due = UNSET
        elif isinstance(self.verification_due, datetime.date):
            verification_due = self.verification_due.isoformat()
        else:
            verification_due = self.verification_due

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "urgent_case_id": urgent_case_id,
                "version": version,
                "division_code": division_code,
                "reporter": reporter,
                "status": status,
                "overdue": overdue,
                "reported_at": reported_at,
                "respond_by": respond_by,
                "prior_assistance_fen": prior_assistance_fen,
                "charity_help_fen": charity_help_fen,
            }
        )
        if follow_up_application_id is not UNSET:
            field_dict["follow_up_application_id"] = follow_up_application_id
        if verification_due is not UNSET:
            field_dict["verification_due"] = verification_due

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        urgent_case_id = d.pop("urgent_case_id")

        version = d.pop("version")

        division_code = d.pop("division_code")

        reporter = Reporter(d.pop("reporter"))

        status = d.pop("status")

        overdue = d.pop("overdue")

        reported_at = datetime.datetime.fromisoformat(d.pop("reported_at"))

        respond_by = datetime.datetime.fromisoformat(d.pop("respond_by"))

        prior_assistance_fen = d.pop("prior_assistance_fen")

        charity_help_fen = d.pop("charity_help_fen")

        def _parse_follow_up_application_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        follow_up_application_id = _parse_follow_up_application_id(
            d.pop("follow_up_application_id", UNSET)
        )

        def _parse_verification_due(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verification_due_type_0 = datetime.date.fromisoformat(data)

                return verification_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        verification_due = _parse_verification_due(d.pop("verification_due", UNSET))

        urgent_case_read = cls(
            urgent_case_id=urgent_case_id,
            version=version,
            division_code=division_code,
            reporter=reporter,
            status=status,
            overdue=overdue,
            reported_at=reported_at,
            respond_by=respond_by,
            prior_assistance_fen=prior_assistance_fen,
            charity_help_fen=charity_help_fen,
            follow_up_application_id=follow_up_application_id,
            verification_due=verification_due,
        )

        urgent_case_read.additional_properties = d
        return urgent_case_read

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
