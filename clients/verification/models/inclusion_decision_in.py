from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        reason = self.reason

        application_ref: None | str | Unset
        if isinstance(self.application_ref, Unset):
            application_ref = UNSET
        else:
            application_ref = self.application_ref

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        inclusion_decision_in.additional_properties = d
        return inclusion_decision_in

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
