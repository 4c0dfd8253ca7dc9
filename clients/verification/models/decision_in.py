from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.decision_in_care_arrangement_type_0 import DecisionInCareArrangementType0
from ..models.decision_in_decision import DecisionInDecision
from ..types import UNSET, Unset

T = TypeVar("T", bound="DecisionIn")


@_attrs_define
class DecisionIn:
    """The county's decision: approve (the amount by rule, or an override with its reason) or
    reject with the reason.

        Attributes:
            decision (DecisionInDecision):
            reason (str):
            override_monthly_amount_fen (int | None | Unset): fix the monthly amount instead of the computed one (needs
                override_reason); never recomputed when standards change
            override_reason (None | str | Unset): why the amount is fixed
            approved_monthly_amount_fen (None | Unset): no longer accepted: state override_monthly_amount_fen and
                override_reason
            rural_class (int | None | Unset):
            effective_from (datetime.date | None | Unset):
            override_deceased_reason (None | str | Unset): approve although a member is reported deceased, and why (VER-7)
            care_arrangement (DecisionInCareArrangementType0 | None | Unset): extreme poverty: 集中供养 centralised or 分散供养
                scattered care, published with the approval for the centralised-care ratio (SUP-10); ignored for other
                programmes
            appeal_rights (str | Unset):  Default: '如对审批决定不服，可自收到决定之日起60日内申请行政复议，或6个月内提起行政诉讼'.
    """

    decision: DecisionInDecision
    reason: str
    override_monthly_amount_fen: int | None | Unset = UNSET
    override_reason: None | str | Unset = UNSET
    approved_monthly_amount_fen: None | Unset = UNSET
    rural_class: int | None | Unset = UNSET
    effective_from: datetime.date | None | Unset = UNSET
    override_deceased_reason: None | str | Unset = UNSET
    care_arrangement: DecisionInCareArrangementType0 | None | Unset = UNSET
    appeal_rights: str | Unset = (
        "如对审批决定不服，可自收到决定之日起60日内申请行政复议，或6个月内提起行政诉讼"
    )

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        reason = self.reason

        override_monthly_amount_fen: int | None | Unset
        if isinstance(self.override_monthly_amount_fen, Unset):
            override_monthly_amount_fen = UNSET
        else:
            override_monthly_amount_fen = self.override_monthly_amount_fen

        override_reason: None | str | Unset
        if isinstance(self.override_reason, Unset):
            override_reason = UNSET
        else:
            override_reason = self.override_reason

        approved_monthly_amount_fen = self.approved_monthly_amount_fen

        rural_class: int | None | Unset
        if isinstance(self.rural_class, Unset):
            rural_class = UNSET
        else:
            rural_class = self.rural_class

        effective_from: None | str | Unset
        if isinstance(self.effective_from, Unset):
            effective_from = UNSET
        elif isinstance(self.effective_from, datetime.date):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from

        override_deceased_reason: None | str | Unset
        if isinstance(self.override_deceased_reason, Unset):
            override_deceased_reason = UNSET
        else:
            override_deceased_reason = self.override_deceased_reason

        care_arrangement: None | str | Unset
        if isinstance(self.care_arrangement, Unset):
            care_arrangement = UNSET
        elif isinstance(self.care_arrangement, DecisionInCareArrangementType0):
            care_arrangement = self.care_arrangement.value
        else:
            care_arrangement = self.care_arrangement

        appeal_rights = self.appeal_rights

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
                "reason": reason,
            }
        )
        if override_monthly_amount_fen is not UNSET:
            field_dict["override_monthly_amount_fen"] = override_monthly_amount_fen
        if override_reason is not UNSET:
            field_dict["override_reason"] = override_reason
        if approved_monthly_amount_fen is not UNSET:
            field_dict["approved_monthly_amount_fen"] = approved_monthly_amount_fen
        if rural_class is not UNSET:
            field_dict["rural_class"] = rural_class
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if override_deceased_reason is not UNSET:
            field_dict["override_deceased_reason"] = override_deceased_reason
        if care_arrangement is not UNSET:
            field_dict["care_arrangement"] = care_arrangement
        if appeal_rights is not UNSET:
            field_dict["appeal_rights"] = appeal_rights

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision = DecisionInDecision(d.pop("decision"))

        reason = d.pop("reason")

        def _parse_override_monthly_amount_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        override_monthly_amount_fen = _parse_override_monthly_amount_fen(
            d.pop("override_monthly_amount_fen", UNSET)
        )

        def _parse_override_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        override_reason = _parse_override_reason(d.pop("override_reason", UNSET))

        approved_monthly_amount_fen = d.pop("approved_monthly_amount_fen", UNSET)

        def _parse_rural_class(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rural_class = _parse_rural_class(d.pop("rural_class", UNSET))

        def _parse_effective_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.date.fromisoformat(data)

                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_from = _parse_effective_from(d.pop("effective_from", UNSET))

        def _parse_override_deceased_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        override_deceased_reason = _parse_override_deceased_reason(
            d.pop("override_deceased_reason", UNSET)
        )

        def _parse_care_arrangement(
            data: object,
        ) -> DecisionInCareArrangementType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                care_arrangement_type_0 = DecisionInCareArrangementType0(data)

                return care_arrangement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionInCareArrangementType0 | None | Unset, data)

        care_arrangement = _parse_care_arrangement(d.pop("care_arrangement", UNSET))

        appeal_rights = d.pop("appeal_rights", UNSET)

        decision_in = cls(
            decision=decision,
            reason=reason,
            override_monthly_amount_fen=override_monthly_amount_fen,
            override_reason=override_reason,
            approved_monthly_amount_fen=approved_monthly_amount_fen,
            rural_class=rural_class,
            effective_from=effective_from,
            override_deceased_reason=override_deceased_reason,
            care_arrangement=care_arrangement,
            appeal_rights=appeal_rights,
        )

        return decision_in
