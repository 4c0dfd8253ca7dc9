from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.escalation_level import EscalationLevel

T = TypeVar("T", bound="EscalationIn")


@_attrs_define
class EscalationIn:
    """Sending the alert up to the city or the province.

    Attributes:
        to (EscalationLevel): The level an alert is escalated to, and the length of that level's division code.
        reason (str):
    """

    to: EscalationLevel
    reason: str

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to = EscalationLevel(d.pop("to"))

        reason = d.pop("reason")

        escalation_in = cls(
            to=to,
            reason=reason,
        )

        return escalation_in
