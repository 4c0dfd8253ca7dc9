from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PolicySettingRead")


@_attrs_define
class PolicySettingRead:
    """One setting of a policy number: value, from when, why, by whom.

    Attributes:
        version (int): the policy stream's version that recorded it
        value (str): canonical text: an integer, a decimal or a word
        scope (str): 62: the province
        effective_from (datetime.date):
        reason (str):
        set_by (None | str): staff id of who set it
        recorded_at (None | str): ISO 8601 instant it was recorded
    """

    version: int
    value: str
    scope: str
    effective_from: datetime.date
    reason: str
    set_by: None | str
    recorded_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        value = self.value

        scope = self.scope

        effective_from = self.effective_from.isoformat()

        reason = self.reason

        set_by: None | str
        set_by = self.set_by

        recorded_at: None | str
        recorded_at = self.recorded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "value": value,
                "scope": scope,
                "effective_from": effective_from,
                "reason": reason,
                "set_by": set_by,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        version = d.pop("version")

        value = d.pop("value")

        scope = d.pop("scope")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        reason = d.pop("reason")

        def _parse_set_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        set_by = _parse_set_by(d.pop("set_by"))

        def _parse_recorded_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_at = _parse_recorded_at(d.pop("recorded_at"))

        policy_setting_read = cls(
            version=version,
            value=value,
            scope=scope,
            effective_from=effective_from,
            reason=reason,
            set_by=set_by,
            recorded_at=recorded_at,
        )

        policy_setting_read.additional_properties = d
        return policy_setting_read

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
