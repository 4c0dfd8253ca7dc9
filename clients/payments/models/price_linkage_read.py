from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.linkage_parameters_read import LinkageParametersRead
    from ..models.price_linkage_read_months import PriceLinkageReadMonths


T = TypeVar("T", bound="PriceLinkageRead")


@_attrs_define
class PriceLinkageRead:
    """The province's price linkage: parameters and each recorded month's decision.

    Attributes:
        version (int): the linkage's version: If-Match of the next change
        parameters (LinkageParametersRead): The parameters in use for the months recorded from now on.
        months (PriceLinkageReadMonths): YYYY-MM → the month's decision
    """

    version: int
    parameters: LinkageParametersRead
    months: PriceLinkageReadMonths
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        parameters = self.parameters.to_dict()

        months = self.months.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "parameters": parameters,
                "months": months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.linkage_parameters_read import LinkageParametersRead
        from ..models.price_linkage_read_months import PriceLinkageReadMonths

        d = dict(src_dict)
        version = d.pop("version")

        parameters = LinkageParametersRead.from_dict(d.pop("parameters"))

        months = PriceLinkageReadMonths.from_dict(d.pop("months"))

        price_linkage_read = cls(
            version=version,
            parameters=parameters,
            months=months,
        )

        price_linkage_read.additional_properties = d
        return price_linkage_read

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
