from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reporter import Reporter
from ..types import UNSET, Unset

T = TypeVar("T", bound="UrgentReportCreate")


@_attrs_define
class UrgentReportCreate:
    """A report of a person in urgent difficulty (主动发现报告, INT-6).

    Attributes:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county (6), or a
            township (9) or village (12 digits) under a county
        reporter (Reporter): Who reported the person in difficulty (主动发现报告).
        situation (str):
        subject_name (None | str | Unset):
        subject_resident_id (None | str | Unset):
        household_size (int | Unset):  Default: 1.
    """

    division_code: str
    reporter: Reporter
    situation: str
    subject_name: None | str | Unset = UNSET
    subject_resident_id: None | str | Unset = UNSET
    household_size: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        division_code = self.division_code

        reporter = self.reporter.value

        situation = self.situation

        subject_name: None | str | Unset
        if isinstance(self.subject_name, Unset):
            subject_name = UNSET
        else:
            subject_name = self.subject_name

        subject_resident_id: None | str | Unset
        if isinstance(self.subject_resident_id, Unset):
            subject_resident_id = UNSET
        else:
            subject_resident_id = self.subject_resident_id

        household_size = self.household_size

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "division_code": division_code,
                "reporter": reporter,
                "situation": situation,
            }
        )
        if subject_name is not UNSET:
            field_dict["subject_name"] = subject_name
        if subject_resident_id is not UNSET:
            field_dict["subject_resident_id"] = subject_resident_id
        if household_size is not UNSET:
            field_dict["household_size"] = household_size

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        division_code = d.pop("division_code")

        reporter = Reporter(d.pop("reporter"))

        situation = d.pop("situation")

        def _parse_subject_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_name = _parse_subject_name(d.pop("subject_name", UNSET))

        def _parse_subject_resident_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_resident_id = _parse_subject_resident_id(
            d.pop("subject_resident_id", UNSET)
        )

        household_size = d.pop("household_size", UNSET)

        urgent_report_create = cls(
            division_code=division_code,
            reporter=reporter,
            situation=situation,
            subject_name=subject_name,
            subject_resident_id=subject_resident_id,
            household_size=household_size,
        )

        return urgent_report_create
