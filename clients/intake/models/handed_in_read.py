from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HandedInRead")


@_attrs_define
class HandedInRead:
    """A handed-in application, recorded as assisted: it waits for the township to accept it.

    Attributes:
        handed_in_id (str):
        status (Literal['awaiting_acceptance']):
    """

    handed_in_id: str
    status: Literal["awaiting_acceptance"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        handed_in_id = self.handed_in_id

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "handed_in_id": handed_in_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        handed_in_id = d.pop("handed_in_id")

        status = cast(Literal["awaiting_acceptance"], d.pop("status"))
        if status != "awaiting_acceptance":
            raise ValueError(
                f"status must match const 'awaiting_acceptance', got '{status}'"
            )

        handed_in_read = cls(
            handed_in_id=handed_in_id,
            status=status,
        )

        handed_in_read.additional_properties = d
        return handed_in_read

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
