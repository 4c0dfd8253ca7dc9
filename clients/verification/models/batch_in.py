from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

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

        return batch_in
