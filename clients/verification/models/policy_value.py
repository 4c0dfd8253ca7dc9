from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor import Actor
    from ..models.setting_view import SettingView


T = TypeVar("T", bound="PolicyValue")


@_attrs_define
class PolicyValue:
    """A policy number in force: from the province, the county, or the deployment default.

    Attributes:
        name (str):
        description (str):
        value (str):
        source (str):
        version (int):
        effective_from (datetime.date | None):
        scope (None | str):
        reason (None | str):
        set_by (Actor | None):
        history (list[SettingView]):
    """

    name: str
    description: str
    value: str
    source: str
    version: int
    effective_from: datetime.date | None
    scope: None | str
    reason: None | str
    set_by: Actor | None
    history: list[SettingView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.actor import Actor

        name = self.name

        description = self.description

        value = self.value

        source = self.source

        version = self.version

        effective_from: None | str
        if isinstance(self.effective_from, datetime.date):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from

        scope: None | str
        scope = self.scope

        reason: None | str
        reason = self.reason

        set_by: dict[str, Any] | None
        if isinstance(self.set_by, Actor):
            set_by = self.set_by.to_dict()
        else:
            set_by = self.set_by

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "value": value,
                "source": source,
                "version": version,
                "effective_from": effective_from,
                "scope": scope,
                "reason": reason,
                "set_by": set_by,
                "history": history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.actor import Actor
        from ..models.setting_view import SettingView

        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        value = d.pop("value")

        source = d.pop("source")

        version = d.pop("version")

        def _parse_effective_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.date.fromisoformat(data)

                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_from = _parse_effective_from(d.pop("effective_from"))

        def _parse_scope(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scope = _parse_scope(d.pop("scope"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

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

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = SettingView.from_dict(history_item_data)

            history.append(history_item)

        policy_value = cls(
            name=name,
            description=description,
            value=value,
            source=source,
            version=version,
            effective_from=effective_from,
            scope=scope,
            reason=reason,
            set_by=set_by,
            history=history,
        )

        policy_value.additional_properties = d
        return policy_value

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
