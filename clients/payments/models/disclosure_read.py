from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.performance_read import PerformanceRead
    from ..models.programme_funds_read import ProgrammeFundsRead


T = TypeVar("T", bound="DisclosureRead")


@_attrs_define
class DisclosureRead:
    """Fund use and performance figures of a county (资金使用公示).

    Attributes:
        county_code (str):
        programmes (list[ProgrammeFundsRead]):
        performance (PerformanceRead): The county's payment performance; a rate is null when there is nothing to divide
            by.
    """

    county_code: str
    programmes: list[ProgrammeFundsRead]
    performance: PerformanceRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        programmes = []
        for programmes_item_data in self.programmes:
            programmes_item = programmes_item_data.to_dict()
            programmes.append(programmes_item)

        performance = self.performance.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "county_code": county_code,
                "programmes": programmes,
                "performance": performance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.performance_read import PerformanceRead
        from ..models.programme_funds_read import ProgrammeFundsRead

        d = dict(src_dict)
        county_code = d.pop("county_code")

        programmes = []
        _programmes = d.pop("programmes")
        for programmes_item_data in _programmes:
            programmes_item = ProgrammeFundsRead.from_dict(programmes_item_data)

            programmes.append(programmes_item)

        performance = PerformanceRead.from_dict(d.pop("performance"))

        disclosure_read = cls(
            county_code=county_code,
            programmes=programmes,
            performance=performance,
        )

        disclosure_read.additional_properties = d
        return disclosure_read

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
