from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.corrective_action import CorrectiveAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionIn")


@_attrs_define
class ActionIn:
    """A corrective action on the case (defaults to the case the complaint is about).

    Attributes:
        action (CorrectiveAction): What the other services are told to do (contract
            `supervision.CorrectiveActionOrdered`).
        reason (str):
        case_id (None | str | Unset):
        programme (None | str | Unset):
        amount_fen (int | None | Unset):
    """

    action: CorrectiveAction
    reason: str
    case_id: None | str | Unset = UNSET
    programme: None | str | Unset = UNSET
    amount_fen: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        reason = self.reason

        case_id: None | str | Unset
        if isinstance(self.case_id, Unset):
            case_id = UNSET
        else:
            case_id = self.case_id

        programme: None | str | Unset
        if isinstance(self.programme, Unset):
            programme = UNSET
        else:
            programme = self.programme

        amount_fen: int | None | Unset
        if isinstance(self.amount_fen, Unset):
            amount_fen = UNSET
        else:
            amount_fen = self.amount_fen

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "reason": reason,
            }
        )
        if case_id is not UNSET:
            field_dict["case_id"] = case_id
        if programme is not UNSET:
            field_dict["programme"] = programme
        if amount_fen is not UNSET:
            field_dict["amount_fen"] = amount_fen

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = CorrectiveAction(d.pop("action"))

        reason = d.pop("reason")

        def _parse_case_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_id = _parse_case_id(d.pop("case_id", UNSET))

        def _parse_programme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        def _parse_amount_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_fen = _parse_amount_fen(d.pop("amount_fen", UNSET))

        action_in = cls(
            action=action,
            reason=reason,
            case_id=case_id,
            programme=programme,
            amount_fen=amount_fen,
        )

        return action_in
