from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.policy_number_read_source import PolicyNumberReadSource

if TYPE_CHECKING:
    from ..models.policy_setting_read import PolicySettingRead


T = TypeVar("T", bound="PolicyNumberRead")


@_attrs_define
class PolicyNumberRead:
    """A policy number in force today, with every setting of it.

    Attributes:
        name (str):
        description (str):
        value (str): canonical text: an integer, a decimal or a word
        source (PolicyNumberReadSource): set by the province, or default
        version (int): the version of the setting in force (0: the default)
        history (list[PolicySettingRead]):
    """

    name: str
    description: str
    value: str
    source: PolicyNumberReadSource
    version: int
    history: list[PolicySettingRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        value = self.value

        source = self.source.value

        version = self.version

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
                "history": history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_setting_read import PolicySettingRead

        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        value = d.pop("value")

        source = PolicyNumberReadSource(d.pop("source"))

        version = d.pop("version")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = PolicySettingRead.from_dict(history_item_data)

            history.append(history_item)

        policy_number_read = cls(
            name=name,
            description=description,
            value=value,
            source=source,
            version=version,
            history=history,
        )

        policy_number_read.additional_properties = d
        return policy_number_read

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
