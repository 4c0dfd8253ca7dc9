from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecheckIn")


@_attrs_define
class RecheckIn:
    """Reopen investigation of an approved benefit.

    Attributes:
        reason (str):
        complaint_id (None | str | Unset):
    """

    reason: str
    complaint_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        complaint_id: None | str | Unset
        if isinstance(self.complaint_id, Unset):
            complaint_id = UNSET
        else:
            complaint_id = self.complaint_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
            }
        )
        if complaint_id is not UNSET:
            field_dict["complaint_id"] = complaint_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_complaint_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        complaint_id = _parse_complaint_id(d.pop("complaint_id", UNSET))

        recheck_in = cls(
            reason=reason,
            complaint_id=complaint_id,
        )

        recheck_in.additional_properties = d
        return recheck_in

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
