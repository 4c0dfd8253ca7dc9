from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funds_account_read_allocated_fen import FundsAccountReadAllocatedFen
    from ..models.funds_account_read_arrived_fen import FundsAccountReadArrivedFen


T = TypeVar("T", bound="FundsAccountRead")


@_attrs_define
class FundsAccountRead:
    """A county's money for a programme by source (central, provincial, city, county), in fen.

    Attributes:
        county_code (str):
        programme (str):
        version (int): the account's version: If-Match of the next movement
        allocated_fen (FundsAccountReadAllocatedFen): source → allocated fen
        arrived_fen (FundsAccountReadArrivedFen): source → arrived fen
    """

    county_code: str
    programme: str
    version: int
    allocated_fen: FundsAccountReadAllocatedFen
    arrived_fen: FundsAccountReadArrivedFen
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        programme = self.programme

        version = self.version

        allocated_fen = self.allocated_fen.to_dict()

        arrived_fen = self.arrived_fen.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "county_code": county_code,
                "programme": programme,
                "version": version,
                "allocated_fen": allocated_fen,
                "arrived_fen": arrived_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funds_account_read_allocated_fen import (
            FundsAccountReadAllocatedFen,
        )
        from ..models.funds_account_read_arrived_fen import FundsAccountReadArrivedFen

        d = dict(src_dict)
        county_code = d.pop("county_code")

        programme = d.pop("programme")

        version = d.pop("version")

        allocated_fen = FundsAccountReadAllocatedFen.from_dict(d.pop("allocated_fen"))

        arrived_fen = FundsAccountReadArrivedFen.from_dict(d.pop("arrived_fen"))

        funds_account_read = cls(
            county_code=county_code,
            programme=programme,
            version=version,
            allocated_fen=allocated_fen,
            arrived_fen=arrived_fen,
        )

        funds_account_read.additional_properties = d
        return funds_account_read

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
