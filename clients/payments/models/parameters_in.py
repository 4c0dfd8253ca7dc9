from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ParametersIn")


@_attrs_define
class ParametersIn:
    """Trigger thresholds (basis points), subsidy per person per month, covered programmes.

    Attributes:
        subsidy_per_person_fen (int):
        reason (str):
        cpi_threshold_bp (int | Unset): 3.5% = 350 Default: 350.
        food_cpi_threshold_bp (int | Unset): 6% = 600 Default: 600.
        covered_programmes (list[str] | Unset):
    """

    subsidy_per_person_fen: int
    reason: str
    cpi_threshold_bp: int | Unset = 350
    food_cpi_threshold_bp: int | Unset = 600
    covered_programmes: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subsidy_per_person_fen = self.subsidy_per_person_fen

        reason = self.reason

        cpi_threshold_bp = self.cpi_threshold_bp

        food_cpi_threshold_bp = self.food_cpi_threshold_bp

        covered_programmes: list[str] | Unset = UNSET
        if not isinstance(self.covered_programmes, Unset):
            covered_programmes = self.covered_programmes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subsidy_per_person_fen": subsidy_per_person_fen,
                "reason": reason,
            }
        )
        if cpi_threshold_bp is not UNSET:
            field_dict["cpi_threshold_bp"] = cpi_threshold_bp
        if food_cpi_threshold_bp is not UNSET:
            field_dict["food_cpi_threshold_bp"] = food_cpi_threshold_bp
        if covered_programmes is not UNSET:
            field_dict["covered_programmes"] = covered_programmes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subsidy_per_person_fen = d.pop("subsidy_per_person_fen")

        reason = d.pop("reason")

        cpi_threshold_bp = d.pop("cpi_threshold_bp", UNSET)

        food_cpi_threshold_bp = d.pop("food_cpi_threshold_bp", UNSET)

        covered_programmes = cast(list[str], d.pop("covered_programmes", UNSET))

        parameters_in = cls(
            subsidy_per_person_fen=subsidy_per_person_fen,
            reason=reason,
            cpi_threshold_bp=cpi_threshold_bp,
            food_cpi_threshold_bp=food_cpi_threshold_bp,
            covered_programmes=covered_programmes,
        )

        return parameters_in
