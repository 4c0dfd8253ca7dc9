from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.standard_version import StandardVersion


T = TypeVar("T", bound="StandardRead")


@_attrs_define
class StandardRead:
    """A division's standard for a programme with every version.

    Attributes:
        division_code (str):
        programme (str):
        version (int):
        versions (list[StandardVersion]):
    """

    division_code: str
    programme: str
    version: int
    versions: list[StandardVersion]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        division_code = self.division_code

        programme = self.programme

        version = self.version

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "division_code": division_code,
                "programme": programme,
                "version": version,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.standard_version import StandardVersion

        d = dict(src_dict)
        division_code = d.pop("division_code")

        programme = d.pop("programme")

        version = d.pop("version")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = StandardVersion.from_dict(versions_item_data)

            versions.append(versions_item)

        standard_read = cls(
            division_code=division_code,
            programme=programme,
            version=version,
            versions=versions,
        )

        standard_read.additional_properties = d
        return standard_read

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
