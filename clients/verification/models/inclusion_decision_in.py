from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.inclusion_decision_in_decision import InclusionDecisionInDecision
from ..types import UNSET, Unset

T = TypeVar("T", bound="InclusionDecisionIn")


@_attrs_define
class InclusionDecisionIn:
    """The county's action on a flag: include (the township takes the application) or decline.

    Attributes:
        decision (InclusionDecisionInDecision):
        reason (str):
        application_ref (None | str | Unset):
    """

    decision: InclusionDecisionInDecision
    reason: str
    application_ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        reason = self.reason

        application_ref: None | str | Unset
        if isinstance(self.application_ref, Unset):
            application_ref = UNSET
        else:
            application_ref = self.application_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
                "reason": reason,
            }
        )
        if application_ref is not UNSET:
            field_dict["application_ref"] = application_ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision = InclusionDecisionInDecision(d.pop("decision"))

        reason = d.pop("reason")

        def _parse_application_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        application_ref = _parse_application_ref(d.pop("application_ref", UNSET))

        inclusion_decision_in = cls(
            decision=decision,
            reason=reason,
            application_ref=application_ref,
        )

        return inclusion_decision_in
