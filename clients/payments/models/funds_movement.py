from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.funds_movement_programme import FundsMovementProgramme
from ..models.funds_movement_source import FundsMovementSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsMovement")


@_attrs_define
class FundsMovement:
    """An allocation (下达) or an arrival (到位) of money for a county's programme.

    Attributes:
        county_code (str): 6-digit code of one of the province's counties
        programme (FundsMovementProgramme): a programme SafetyNet pays (agencies' own programmes have no funds here)
        source (FundsMovementSource):
        amount_fen (int):
        reason (str):
        document_ref (str | Unset): 文号 Default: ''.
    """

    county_code: str
    programme: FundsMovementProgramme
    source: FundsMovementSource
    amount_fen: int
    reason: str
    document_ref: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        programme = self.programme.value

        source = self.source.value

        amount_fen = self.amount_fen

        reason = self.reason

        document_ref = self.document_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "county_code": county_code,
                "programme": programme,
                "source": source,
                "amount_fen": amount_fen,
                "reason": reason,
            }
        )
        if document_ref is not UNSET:
            field_dict["document_ref"] = document_ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        county_code = d.pop("county_code")

        programme = FundsMovementProgramme(d.pop("programme"))

        source = FundsMovementSource(d.pop("source"))

        amount_fen = d.pop("amount_fen")

        reason = d.pop("reason")

        document_ref = d.pop("document_ref", UNSET)

        funds_movement = cls(
            county_code=county_code,
            programme=programme,
            source=source,
            amount_fen=amount_fen,
            reason=reason,
            document_ref=document_ref,
        )

        return funds_movement
