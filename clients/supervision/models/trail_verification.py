from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.chain_verdict import ChainVerdict


T = TypeVar("T", bound="TrailVerification")


@_attrs_define
class TrailVerification:
    """Whether every chain in the case's trail holds.

    Attributes:
        case_id (str):
        ok (bool):
        chains (list[ChainVerdict]):
    """

    case_id: str
    ok: bool
    chains: list[ChainVerdict]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        ok = self.ok

        chains = []
        for chains_item_data in self.chains:
            chains_item = chains_item_data.to_dict()
            chains.append(chains_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "ok": ok,
                "chains": chains,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chain_verdict import ChainVerdict

        d = dict(src_dict)
        case_id = d.pop("case_id")

        ok = d.pop("ok")

        chains = []
        _chains = d.pop("chains")
        for chains_item_data in _chains:
            chains_item = ChainVerdict.from_dict(chains_item_data)

            chains.append(chains_item)

        trail_verification = cls(
            case_id=case_id,
            ok=ok,
            chains=chains,
        )

        trail_verification.additional_properties = d
        return trail_verification

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
