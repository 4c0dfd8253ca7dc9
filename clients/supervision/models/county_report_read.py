from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.county_report_read_status import CountyReportReadStatus

T = TypeVar("T", bound="CountyReportRead")


@_attrs_define
class CountyReportRead:
    """A county's status for the period.

    Attributes:
        county_code (str):
        name (None | str):
        status (CountyReportReadStatus):
        filed_on (datetime.date | None): the first report's date
        document_ref (None | str): the latest report's 文号
        filings (int):
    """

    county_code: str
    name: None | str
    status: CountyReportReadStatus
    filed_on: datetime.date | None
    document_ref: None | str
    filings: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        name: None | str
        name = self.name

        status = self.status.value

        filed_on: None | str
        if isinstance(self.filed_on, datetime.date):
            filed_on = self.filed_on.isoformat()
        else:
            filed_on = self.filed_on

        document_ref: None | str
        document_ref = self.document_ref

        filings = self.filings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "county_code": county_code,
                "name": name,
                "status": status,
                "filed_on": filed_on,
                "document_ref": document_ref,
                "filings": filings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        county_code = d.pop("county_code")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        status = CountyReportReadStatus(d.pop("status"))

        def _parse_filed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filed_on_type_0 = datetime.date.fromisoformat(data)

                return filed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        filed_on = _parse_filed_on(d.pop("filed_on"))

        def _parse_document_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_ref = _parse_document_ref(d.pop("document_ref"))

        filings = d.pop("filings")

        county_report_read = cls(
            county_code=county_code,
            name=name,
            status=status,
            filed_on=filed_on,
            document_ref=document_ref,
            filings=filings,
        )

        county_report_read.additional_properties = d
        return county_report_read

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
