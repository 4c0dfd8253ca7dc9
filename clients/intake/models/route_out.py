from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agency import Agency
from ..models.outcome import Outcome
from ..models.programme import Programme
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.route_out_details import RouteOutDetails


T = TypeVar("T", bound="RouteOut")


@_attrs_define
class RouteOut:
    """One requested programme, the agency it was routed to, and its decision so far.

    Attributes:
        programme (Programme): Assistance programmes a household may request at the one door.
        agency (Agency): The competent agency that decides a programme.
        outcome (None | Outcome | Unset):
        details (RouteOutDetails | Unset): INT-1 sub-options
    """

    programme: Programme
    agency: Agency
    outcome: None | Outcome | Unset = UNSET
    details: RouteOutDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        programme = self.programme.value

        agency = self.agency.value

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, Outcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "programme": programme,
                "agency": agency,
            }
        )
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.route_out_details import RouteOutDetails

        d = dict(src_dict)
        programme = Programme(d.pop("programme"))

        agency = Agency(d.pop("agency"))

        def _parse_outcome(data: object) -> None | Outcome | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = Outcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        _details = d.pop("details", UNSET)
        details: RouteOutDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = RouteOutDetails.from_dict(_details)

        route_out = cls(
            programme=programme,
            agency=agency,
            outcome=outcome,
            details=details,
        )

        route_out.additional_properties = d
        return route_out

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
