from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ObjectionIn")


@_attrs_define
class ObjectionIn:
    """An objection during the notice period; anyone, anonymous if they wish.

    Attributes:
        content (str):
        anonymous (bool | Unset):  Default: True.
    """

    content: str
    anonymous: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        anonymous = self.anonymous

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content": content,
            }
        )
        if anonymous is not UNSET:
            field_dict["anonymous"] = anonymous

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content = d.pop("content")

        anonymous = d.pop("anonymous", UNSET)

        objection_in = cls(
            content=content,
            anonymous=anonymous,
        )

        return objection_in
