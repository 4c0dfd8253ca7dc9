from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LinkageParametersRead")


@_attrs_define
class LinkageParametersRead:
    """The parameters in use for the months recorded from now on.

    Attributes:
        cpi_threshold_bp (int): CPI year on year at or above which it triggers
        food_cpi_threshold_bp (int): food CPI threshold, basis points
        subsidy_per_person_fen (int):
        covered_programmes (list[str]):
    """

    cpi_threshold_bp: int
    food_cpi_threshold_bp: int
    subsidy_per_person_fen: int
    covered_programmes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cpi_threshold_bp = self.cpi_threshold_bp

        food_cpi_threshold_bp = self.food_cpi_threshold_bp

        subsidy_per_person_fen = self.subsidy_per_person_fen

        covered_programmes = self.covered_programmes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cpi_threshold_bp": cpi_threshold_bp,
                "food_cpi_threshold_bp": food_cpi_threshold_bp,
                "subsidy_per_person_fen": subsidy_per_person_fen,
                "covered_programmes": covered_programmes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cpi_threshold_bp = d.pop("cpi_threshold_bp")

        food_cpi_threshold_bp = d.pop("food_cpi_threshold_bp")

        subsidy_per_person_fen = d.pop("subsidy_per_person_fen")

        covered_programmes = cast(list[str], d.pop("covered_programmes"))

        linkage_parameters_read = cls(
            cpi_threshold_bp=cpi_threshold_bp,
            food_cpi_threshold_bp=food_cpi_threshold_bp,
            subsidy_per_person_fen=subsidy_per_person_fen,
            covered_programmes=covered_programmes,
        )

        linkage_parameters_read.additional_properties = d
        return linkage_parameters_read

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
