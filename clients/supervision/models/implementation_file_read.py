from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.report_filed_read import ReportFiledRead


T = TypeVar("T", bound="ImplementationFileRead")


@_attrs_define
class ImplementationFileRead:
    """A county's implementation reports for a period.

    Attributes:
        file_id (str): county code and period
        version (int): the file's version: If-Match of the next report
        reports (list[ReportFiledRead]):
    """

    file_id: str
    version: int
    reports: list[ReportFiledRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_id = self.file_id

        version = self.version

        reports = []
        for reports_item_data in self.reports:
            reports_item = reports_item_data.to_dict()
            reports.append(reports_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_id": file_id,
                "version": version,
                "reports": reports,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.report_filed_read import ReportFiledRead

        d = dict(src_dict)
        file_id = d.pop("file_id")

        version = d.pop("version")

        reports = []
        _reports = d.pop("reports")
        for reports_item_data in _reports:
            reports_item = ReportFiledRead.from_dict(reports_item_data)

            reports.append(reports_item)

        implementation_file_read = cls(
            file_id=file_id,
            version=version,
            reports=reports,
        )

        implementation_file_read.additional_properties = d
        return implementation_file_read

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
