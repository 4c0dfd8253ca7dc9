from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor import Actor


T = TypeVar("T", bound="SettingView")


@_attrs_define
class SettingView:
    """One recorded setting: its value, scope, date, and who set it and why.

    Attributes:
        version (int):
        value (str):
        scope (str):
        effective_from (datetime.date):
        reason (str):
        set_by (Actor | None):
        recorded_at (None | str):
    """

    version: int
    value: str
    scope: str
    effective_from: datetime.date
    reason: str
    set_by: Actor | None
    recorded_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.actor import Actor

        version = self.version

        value = self.value

        scope = self.scope

        effective_from = self.effective_from.isoformat()

        reason = self.reason

        set_by: dict[str, Any] | None
        if isinstance(self.set_by, Actor):
            set_by = self.set_by.to_dict()
        else:
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
        from ..models.actor import Actor

        d = dict(src_dict)
        version = d.pop("version")

        value = d.pop("value")

        scope = d.pop("scope")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        reason = d.pop("reason")

        def _parse_set_by(data: object) -> Actor | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                set_by_type_0 = Actor.from_dict(data)

                return set_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Actor | None, data)

        set_by = _parse_set_by(d.pop("set_by"))

        def _parse_recorded_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_at = _parse_recorded_at(d.pop("recorded_at"))

        setting_view = cls(
            version=version,
            value=value,
            scope=scope,
            effective_from=effective_from,
            reason=reason,
            set_by=set_by,
            recorded_at=recorded_at,
        )

        setting_view.additional_properties = d
        return setting_view

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
