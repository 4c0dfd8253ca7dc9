from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

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

    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        resident_id = self.resident_id

        monthly_income_fen = self.monthly_income_fen

        assets_fen = self.assets_fen

        reference = self.reference

        deceased = self.deceased

        field_dict: dict[str, Any] = {}

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

        return manual_evidence_in
