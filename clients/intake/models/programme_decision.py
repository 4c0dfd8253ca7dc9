from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.outcome import Outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProgrammeDecision")


@_attrs_define
class ProgrammeDecision:
    """The competent agency's decision on the programme routed to it (INT-4, ADR 0032).

    Attributes:
        outcome (Outcome): What the competent agency decided on one programme.
        reason (str):
        policy_basis (str): the rule or document decided under 文件依据
        amount_fen (int | None | Unset): 分: required approving a one-off programme SafetyNet pays (medical assistance
            …); optional for one the agency pays itself; never for a per-person subsidy; at most the programme's ceiling for
            one household
        persons (int | None | Unset): approving a per-person subsidy: the members approved
    """

    outcome: Outcome
    reason: str
    policy_basis: str
    amount_fen: int | None | Unset = UNSET
    persons: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        reason = self.reason

        policy_basis = self.policy_basis

        amount_fen: int | None | Unset
        if isinstance(self.amount_fen, Unset):
            amount_fen = UNSET
        else:
            amount_fen = self.amount_fen

        persons: int | None | Unset
        if isinstance(self.persons, Unset):
            persons = UNSET
        else:
            persons = self.persons

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
                "reason": reason,
                "policy_basis": policy_basis,
            }
        )
        if amount_fen is not UNSET:
            field_dict["amount_fen"] = amount_fen
        if persons is not UNSET:
            field_dict["persons"] = persons

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        outcome = Outcome(d.pop("outcome"))

        reason = d.pop("reason")

        policy_basis = d.pop("policy_basis")

        def _parse_amount_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_fen = _parse_amount_fen(d.pop("amount_fen", UNSET))

        def _parse_persons(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        persons = _parse_persons(d.pop("persons", UNSET))

        programme_decision = cls(
            outcome=outcome,
            reason=reason,
            policy_basis=policy_basis,
            amount_fen=amount_fen,
            persons=persons,
        )

        return programme_decision
