from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_status import AlertStatus
from ..models.escalation_level import EscalationLevel

T = TypeVar("T", bound="AlertState")


@_attrs_define
class AlertState:
    """An alert's stage after a step, with the version to send back as If-Match.

    Attributes:
        alert_id (str):
        status (AlertStatus): Where an alert stands: raised, seen, set aside with a reason, or sent up a level.
        escalated_to (EscalationLevel | None):
        escalated_division (None | str):
        version (int):
    """

    alert_id: str
    status: AlertStatus
    escalated_to: EscalationLevel | None
    escalated_division: None | str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alert_id = self.alert_id

        status = self.status.value

        escalated_to: None | str
        if isinstance(self.escalated_to, EscalationLevel):
            escalated_to = self.escalated_to.value
        else:
            escalated_to = self.escalated_to

        escalated_division: None | str
        escalated_division = self.escalated_division

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alert_id": alert_id,
                "status": status,
                "escalated_to": escalated_to,
                "escalated_division": escalated_division,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        alert_id = d.pop("alert_id")

        status = AlertStatus(d.pop("status"))

        def _parse_escalated_to(data: object) -> EscalationLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalated_to_type_0 = EscalationLevel(data)

                return escalated_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EscalationLevel | None, data)

        escalated_to = _parse_escalated_to(d.pop("escalated_to"))

        def _parse_escalated_division(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        escalated_division = _parse_escalated_division(d.pop("escalated_division"))

        version = d.pop("version")

        alert_state = cls(
            alert_id=alert_id,
            status=status,
            escalated_to=escalated_to,
            escalated_division=escalated_division,
            version=version,
        )

        alert_state.additional_properties = d
        return alert_state

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
