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

T = TypeVar("T", bound="NeedMetOnSite")


@_attrs_define
class NeedMetOnSite:
    """A need met on the visit itself.

    Attributes:
        arrangement (Literal['on_site']):
        need (str):
        help_ (str): what was done there and then
    """

    arrangement: Literal["on_site"]
    need: str
    help_: str

    def to_dict(self) -> dict[str, Any]:
        arrangement = self.arrangement

        need = self.need

        help_ = self.help_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "arrangement": arrangement,
                "need": need,
                "help": help_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        arrangement = cast(Literal["on_site"], d.pop("arrangement"))
        if arrangement != "on_site":
            raise ValueError(
                f"arrangement must match const 'on_site', got '{arrangement}'"
            )

        need = d.pop("need")

        help_ = d.pop("help")

        need_met_on_site = cls(
            arrangement=arrangement,
            need=need,
            help_=help_,
        )

        return need_met_on_site
