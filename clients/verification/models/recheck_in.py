from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

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

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        complaint_id: None | str | Unset
        if isinstance(self.complaint_id, Unset):
            complaint_id = UNSET
        else:
            complaint_id = self.complaint_id

        field_dict: dict[str, Any] = {}

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

        return recheck_in
