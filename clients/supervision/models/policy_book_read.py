from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.policy_number_read import PolicyNumberRead


T = TypeVar("T", bound="PolicyBookRead")


@_attrs_define
class PolicyBookRead:
    """Supervision's policy numbers in force on a day.

    Attributes:
        on (datetime.date):
        stream_version (int): the policy stream's version: If-Match of a PUT
        policies (list[PolicyNumberRead]):
    """

    on: datetime.date
    stream_version: int
    policies: list[PolicyNumberRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        on = self.on.isoformat()

        stream_version = self.stream_version

        policies = []
        for policies_item_data in self.policies:
            policies_item = policies_item_data.to_dict()
            policies.append(policies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "on": on,
                "stream_version": stream_version,
                "policies": policies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_number_read import PolicyNumberRead

        d = dict(src_dict)
        on = datetime.date.fromisoformat(d.pop("on"))

        stream_version = d.pop("stream_version")

        policies = []
        _policies = d.pop("policies")
        for policies_item_data in _policies:
            policies_item = PolicyNumberRead.from_dict(policies_item_data)

            policies.append(policies_item)

        policy_book_read = cls(
            on=on,
            stream_version=stream_version,
            policies=policies,
        )

        policy_book_read.additional_properties = d
        return policy_book_read

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
