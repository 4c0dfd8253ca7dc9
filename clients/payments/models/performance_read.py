from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PerformanceRead")


@_attrs_define
class PerformanceRead:
    """The county's payment performance; a rate is null when there is nothing to divide by.

    Attributes:
        payout_rate (float | None): settled / instructed payments
        on_time_rate (float | None): settled within their month / settled
        coverage (float | None): of the benefits due in `coverage_period` (enrolled by its last day, not stopped on or
            before its first), the share whose payment of that month settled; never above 1
        coverage_period (None | str): the month coverage is of: the county's latest month with a payment (YYYY-MM)
        cost_per_beneficiary_fen (int | None):
        paid_fen (int):
        beneficiaries_paid (int):
    """

    payout_rate: float | None
    on_time_rate: float | None
    coverage: float | None
    coverage_period: None | str
    cost_per_beneficiary_fen: int | None
    paid_fen: int
    beneficiaries_paid: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payout_rate: float | None
        payout_rate = self.payout_rate

        on_time_rate: float | None
        on_time_rate = self.on_time_rate

        coverage: float | None
        coverage = self.coverage

        coverage_period: None | str
        coverage_period = self.coverage_period

        cost_per_beneficiary_fen: int | None
        cost_per_beneficiary_fen = self.cost_per_beneficiary_fen

        paid_fen = self.paid_fen

        beneficiaries_paid = self.beneficiaries_paid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payout_rate": payout_rate,
                "on_time_rate": on_time_rate,
                "coverage": coverage,
                "coverage_period": coverage_period,
                "cost_per_beneficiary_fen": cost_per_beneficiary_fen,
                "paid_fen": paid_fen,
                "beneficiaries_paid": beneficiaries_paid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_payout_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        payout_rate = _parse_payout_rate(d.pop("payout_rate"))

        def _parse_on_time_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate"))

        def _parse_coverage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        coverage = _parse_coverage(d.pop("coverage"))

        def _parse_coverage_period(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        coverage_period = _parse_coverage_period(d.pop("coverage_period"))

        def _parse_cost_per_beneficiary_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cost_per_beneficiary_fen = _parse_cost_per_beneficiary_fen(
            d.pop("cost_per_beneficiary_fen")
        )

        paid_fen = d.pop("paid_fen")

        beneficiaries_paid = d.pop("beneficiaries_paid")

        performance_read = cls(
            payout_rate=payout_rate,
            on_time_rate=on_time_rate,
            coverage=coverage,
            coverage_period=coverage_period,
            cost_per_beneficiary_fen=cost_per_beneficiary_fen,
            paid_fen=paid_fen,
            beneficiaries_paid=beneficiaries_paid,
        )

        performance_read.additional_properties = d
        return performance_read

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
