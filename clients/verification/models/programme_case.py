from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProgrammeCase")


@_attrs_define
class ProgrammeCase:
    """Verification's file on one programme of the case.

    Attributes:
        programme (str):
        stage (str):
        version (int):
        household_size (int):
        opened_at (str):
    """

    programme: str
    stage: str
    version: int
    household_size: int
    opened_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        programme = self.programme

        stage = self.stage

        version = self.version

        household_size = self.household_size

        opened_at = self.opened_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "programme": programme,
                "stage": stage,
                "version": version,
                "household_size": household_size,
                "opened_at": opened_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        programme = d.pop("programme")

        stage = d.pop("stage")

        version = d.pop("version")

        household_size = d.pop("household_size")

        opened_at = d.pop("opened_at")

        programme_case = cls(
            programme=programme,
            stage=stage,
            version=version,
            household_size=household_size,
            opened_at=opened_at,
        )

        programme_case.additional_properties = d
        return programme_case

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
