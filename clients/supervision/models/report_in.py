from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReportIn")


@_attrs_define
class ReportIn:
    """A county's implementation report for a period.

    Attributes:
        county_code (str): 6-digit county code (GB/T 2260)
        period (str): 2026-H1 / 2026-H2 (half_year), or 2026 (year); one that has ended on the service clock (422
            `report-period-not-ended` otherwise)
        document_ref (str): 文号
        summary (str):
    """

    county_code: str
    period: str
    document_ref: str
    summary: str

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        period = self.period

        document_ref = self.document_ref

        summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "county_code": county_code,
                "period": period,
                "document_ref": document_ref,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        county_code = d.pop("county_code")

        period = d.pop("period")

        document_ref = d.pop("document_ref")

        summary = d.pop("summary")

        report_in = cls(
            county_code=county_code,
            period=period,
            document_ref=document_ref,
            summary=summary,
        )

        return report_in
