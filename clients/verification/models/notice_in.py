from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NoticeIn")


@_attrs_define
class NoticeIn:
    """Where the notice is posted: the village/community (defaults to the case's village).

    Attributes:
        village_code (None | str | Unset):
    """

    village_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        village_code: None | str | Unset
        if isinstance(self.village_code, Unset):
            village_code = UNSET
        else:
            village_code = self.village_code

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if village_code is not UNSET:
            field_dict["village_code"] = village_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_village_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        village_code = _parse_village_code(d.pop("village_code", UNSET))

        notice_in = cls(
            village_code=village_code,
        )

        return notice_in
