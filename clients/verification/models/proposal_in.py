from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProposalIn")


@_attrs_define
class ProposalIn:
    """乡镇审核意见 with the proposed benefit (information for the county).

    Attributes:
        proposed_monthly_amount_fen (int): the township's proposed amount, shown to the county; it is not paid unless
            the county overrides the computed amount with it
        review_opinion (str):
        rural_class (int | None | Unset):
    """

    proposed_monthly_amount_fen: int
    review_opinion: str
    rural_class: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        proposed_monthly_amount_fen = self.proposed_monthly_amount_fen

        review_opinion = self.review_opinion

        rural_class: int | None | Unset
        if isinstance(self.rural_class, Unset):
            rural_class = UNSET
        else:
            rural_class = self.rural_class

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "proposed_monthly_amount_fen": proposed_monthly_amount_fen,
                "review_opinion": review_opinion,
            }
        )
        if rural_class is not UNSET:
            field_dict["rural_class"] = rural_class

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        proposed_monthly_amount_fen = d.pop("proposed_monthly_amount_fen")

        review_opinion = d.pop("review_opinion")

        def _parse_rural_class(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rural_class = _parse_rural_class(d.pop("rural_class", UNSET))

        proposal_in = cls(
            proposed_monthly_amount_fen=proposed_monthly_amount_fen,
            review_opinion=review_opinion,
            rural_class=rural_class,
        )

        return proposal_in
