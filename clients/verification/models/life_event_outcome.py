from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.life_event_outcome_outcome import LifeEventOutcomeOutcome

T = TypeVar("T", bound="LifeEventOutcome")


@_attrs_define
class LifeEventOutcome:
    """What one record changed: matched (cases affected), unmatched, or a repeat of a known one.

    Attributes:
        source_ref (str):
        outcome (LifeEventOutcomeOutcome):
        repeated (bool):
        cases_affected (int):
    """

    source_ref: str
    outcome: LifeEventOutcomeOutcome
    repeated: bool
    cases_affected: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source_ref = self.source_ref

        outcome = self.outcome.value

        repeated = self.repeated

        cases_affected = self.cases_affected

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source_ref": source_ref,
                "outcome": outcome,
                "repeated": repeated,
                "cases_affected": cases_affected,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        source_ref = d.pop("source_ref")

        outcome = LifeEventOutcomeOutcome(d.pop("outcome"))

        repeated = d.pop("repeated")

        cases_affected = d.pop("cases_affected")

        life_event_outcome = cls(
            source_ref=source_ref,
            outcome=outcome,
            repeated=repeated,
            cases_affected=cases_affected,
        )

        life_event_outcome.additional_properties = d
        return life_event_outcome

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
