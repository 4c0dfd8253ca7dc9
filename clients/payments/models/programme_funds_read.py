from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProgrammeFundsRead")


@_attrs_define
class ProgrammeFundsRead:
    """One programme's money in the county, in fen.

    Attributes:
        programme (str):
        allocated_fen (int):
        arrived_fen (int):
        paid_fen (int):
        available_fen (int): arrived and not yet committed to a payment
    """

    programme: str
    allocated_fen: int
    arrived_fen: int
    paid_fen: int
    available_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        programme = self.programme

        allocated_fen = self.allocated_fen

        arrived_fen = self.arrived_fen

        paid_fen = self.paid_fen

        available_fen = self.available_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "programme": programme,
                "allocated_fen": allocated_fen,
                "arrived_fen": arrived_fen,
                "paid_fen": paid_fen,
                "available_fen": available_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        programme = d.pop("programme")

        allocated_fen = d.pop("allocated_fen")

        arrived_fen = d.pop("arrived_fen")

        paid_fen = d.pop("paid_fen")

        available_fen = d.pop("available_fen")

        programme_funds_read = cls(
            programme=programme,
            allocated_fen=allocated_fen,
            arrived_fen=arrived_fen,
            paid_fen=paid_fen,
            available_fen=available_fen,
        )

        programme_funds_read.additional_properties = d
        return programme_funds_read

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
