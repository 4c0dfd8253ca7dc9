from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_status import AlertStatus
from ..models.escalation_level import EscalationLevel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alert_out_evidence import AlertOutEvidence


T = TypeVar("T", bound="AlertOut")


@_attrs_define
class AlertOut:
    """An alert with its evidence (personal data masked).

    Attributes:
        alert_id (str):
        detector (str):
        division_code (str):
        case_ids (list[str]):
        summary_zh (str):
        evidence (AlertOutEvidence):
        raised_at (datetime.datetime):
        status (AlertStatus): Where an alert stands: raised, seen, set aside with a reason, or sent up a level.
        version (int): the alert's stream version: send it back as If-Match
        escalated_to (EscalationLevel | None | Unset):
        escalated_division (None | str | Unset):
        acted_by (None | str | Unset): who took the latest step (staff id)
        acted_role (None | str | Unset):
        acted_at (datetime.datetime | None | Unset):
        action_reason (None | str | Unset):
    """

    alert_id: str
    detector: str
    division_code: str
    case_ids: list[str]
    summary_zh: str
    evidence: AlertOutEvidence
    raised_at: datetime.datetime
    status: AlertStatus
    version: int
    escalated_to: EscalationLevel | None | Unset = UNSET
    escalated_division: None | str | Unset = UNSET
    acted_by: None | str | Unset = UNSET
    acted_role: None | str | Unset = UNSET
    acted_at: datetime.datetime | None | Unset = UNSET
    action_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alert_id = self.alert_id

        detector = self.detector

        division_code = self.division_code

        case_ids = self.case_ids

        summary_zh = self.summary_zh

        evidence = self.evidence.to_dict()

        raised_at = self.raised_at.isoformat()

        status = self.status.value

        version = self.version

        escalated_to: None | str | Unset
        if isinstance(self.escalated_to, Unset):
            escalated_to = UNSET
        elif isinstance(self.escalated_to, EscalationLevel):
            escalated_to = self.escalated_to.value
        else:
            escalated_to = self.escalated_to

        escalated_division: None | str | Unset
        if isinstance(self.escalated_division, Unset):
            escalated_division = UNSET
        else:
            escalated_division = self.escalated_division

        acted_by: None | str | Unset
        if isinstance(self.acted_by, Unset):
            acted_by = UNSET
        else:
            acted_by = self.acted_by

        acted_role: None | str | Unset
        if isinstance(self.acted_role, Unset):
            acted_role = UNSET
        else:
            acted_role = self.acted_role

        acted_at: None | str | Unset
        if isinstance(self.acted_at, Unset):
            acted_at = UNSET
        elif isinstance(self.acted_at, datetime.datetime):
            acted_at = self.acted_at.isoformat()
        else:
            acted_at = self.acted_at

        action_reason: None | str | Unset
        if isinstance(self.action_reason, Unset):
            action_reason = UNSET
        else:
            action_reason = self.action_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alert_id": alert_id,
                "detector": detector,
                "division_code": division_code,
                "case_ids": case_ids,
                "summary_zh": summary_zh,
                "evidence": evidence,
                "raised_at": raised_at,
                "status": status,
                "version": version,
            }
        )
        if escalated_to is not UNSET:
            field_dict["escalated_to"] = escalated_to
        if escalated_division is not UNSET:
            field_dict["escalated_division"] = escalated_division
        if acted_by is not UNSET:
            field_dict["acted_by"] = acted_by
        if acted_role is not UNSET:
            field_dict["acted_role"] = acted_role
        if acted_at is not UNSET:
            field_dict["acted_at"] = acted_at
        if action_reason is not UNSET:
            field_dict["action_reason"] = action_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.alert_out_evidence import AlertOutEvidence

        d = dict(src_dict)
        alert_id = d.pop("alert_id")

        detector = d.pop("detector")

        division_code = d.pop("division_code")

        case_ids = cast(list[str], d.pop("case_ids"))

        summary_zh = d.pop("summary_zh")

        evidence = AlertOutEvidence.from_dict(d.pop("evidence"))

        raised_at = datetime.datetime.fromisoformat(d.pop("raised_at"))

        status = AlertStatus(d.pop("status"))

        version = d.pop("version")

        def _parse_escalated_to(data: object) -> EscalationLevel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalated_to_type_0 = EscalationLevel(data)

                return escalated_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EscalationLevel | None | Unset, data)

        escalated_to = _parse_escalated_to(d.pop("escalated_to", UNSET))

        def _parse_escalated_division(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        escalated_division = _parse_escalated_division(
            d.pop("escalated_division", UNSET)
        )

        def _parse_acted_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acted_by = _parse_acted_by(d.pop("acted_by", UNSET))

        def _parse_acted_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acted_role = _parse_acted_role(d.pop("acted_role", UNSET))

        def _parse_acted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acted_at_type_0 = datetime.datetime.fromisoformat(data)

                return acted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        acted_at = _parse_acted_at(d.pop("acted_at", UNSET))

        def _parse_action_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action_reason = _parse_action_reason(d.pop("action_reason", UNSET))

        alert_out = cls(
            alert_id=alert_id,
            detector=detector,
            division_code=division_code,
            case_ids=case_ids,
            summary_zh=summary_zh,
            evidence=evidence,
            raised_at=raised_at,
            status=status,
            version=version,
            escalated_to=escalated_to,
            escalated_division=escalated_division,
            acted_by=acted_by,
            acted_role=acted_role,
            acted_at=acted_at,
            action_reason=action_reason,
        )

        alert_out.additional_properties = d
        return alert_out

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
