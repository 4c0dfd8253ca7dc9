from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_case import BatchCase


T = TypeVar("T", bound="BatchIn")


@_attrs_define
class BatchIn:
    """A county batch of one township's proposals; the rate may only be raised.

    Attributes:
        township_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county (6), or a
            township (9) or village (12 digits) under a county
        cases (list[BatchCase]):
        rate (None | str | Unset): decimal, at least the configured rate
    """

    township_code: str
    cases: list[BatchCase]
    rate: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        township_code = self.township_code

        cases = []
        for cases_item_data in self.cases:
            cases_item = cases_item_data.to_dict()
            cases.append(cases_item)

        rate: None | str | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "township_code": township_code,
                "cases": cases,
            }
        )
        if rate is not UNSET:
            field_dict["rate"] = rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_case import BatchCase

        d = dict(src_dict)
        township_code = d.pop("township_code")

        cases = []
        _cases = d.pop("cases")
        for cases_item_data in _cases:
            cases_item = BatchCase.from_dict(cases_item_data)

            cases.append(cases_item)

        def _parse_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        batch_in = cls(
            township_code=township_code,
            cases=cases,
            rate=rate,
        )

        batch_in.additional_properties = d
        return batch_in

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
