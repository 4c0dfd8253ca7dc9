from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.application_create import ApplicationCreate


T = TypeVar("T", bound="NeedApplied")


@_attrs_define
class NeedApplied:
    """A need turned into an application at the one door (INT-4), accepted by the township.

    Attributes:
        arrangement (Literal['application']):
        need (str):
        application (ApplicationCreate): A household application accepted at a township/street office.
    """

    arrangement: Literal["application"]
    need: str
    application: ApplicationCreate

    def to_dict(self) -> dict[str, Any]:
        arrangement = self.arrangement

        need = self.need

        application = self.application.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "arrangement": arrangement,
                "need": need,
                "application": application,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.application_create import ApplicationCreate

        d = dict(src_dict)
        arrangement = cast(Literal["application"], d.pop("arrangement"))
        if arrangement != "application":
            raise ValueError(
                f"arrangement must match const 'application', got '{arrangement}'"
            )

        need = d.pop("need")

        application = ApplicationCreate.from_dict(d.pop("application"))

        need_applied = cls(
            arrangement=arrangement,
            need=need,
            application=application,
        )

        return need_applied
