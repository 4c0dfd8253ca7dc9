from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.manual_evidence_in_source import ManualEvidenceInSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="ManualEvidenceIn")


@_attrs_define
class ManualEvidenceIn:
    """An answer an officer obtained by hand after a source failed (manual follow-up).

    Attributes:
        source (ManualEvidenceInSource):
        resident_id (str): 18-character resident ID (GB 11643): 17 digits and a digit or X, a real address code and
            birth date, and the check character (ISO 7064 MOD 11-2)
        monthly_income_fen (int):
        assets_fen (int):
        reference (str): document obtained
        deceased (bool | Unset):  Default: False.
    """

    source: ManualEvidenceInSource
    resident_id: str
    monthly_income_fen: int
    assets_fen: int
    reference: str
    deceased: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        resident_id = self.resident_id

        monthly_income_fen = self.monthly_income_fen

        assets_fen = self.assets_fen

        reference = self.reference

        deceased = self.deceased

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "resident_id": resident_id,
                "monthly_income_fen": monthly_income_fen,
                "assets_fen": assets_fen,
                "reference": reference,
            }
        )
        if deceased is not UNSET:
            field_dict["deceased"] = deceased

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        source = ManualEvidenceInSource(d.pop("source"))

        resident_id = d.pop("resident_id")

        monthly_income_fen = d.pop("monthly_income_fen")

        assets_fen = d.pop("assets_fen")

        reference = d.pop("reference")

        deceased = d.pop("deceased", UNSET)

        manual_evidence_in = cls(
            source=source,
            resident_id=resident_id,
            monthly_income_fen=monthly_income_fen,
            assets_fen=assets_fen,
            reference=reference,
            deceased=deceased,
        )

        manual_evidence_in.additional_properties = d
        return manual_evidence_in

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
