from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.aid_point_kind import AidPointKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.season_in import SeasonIn


T = TypeVar("T", bound="AidPointRead")


@_attrs_define
class AidPointRead:
    """A point with its seasons; `closed_on` once closed.

    Attributes:
        aid_point_id (str):
        version (int):
        division_code (str):
        kind (AidPointKind): What the notice asks to set up where people sleep rough (二(二)).
        label (str):
        location (str):
        seasons (list[SeasonIn]):
        closed_on (datetime.date | None | Unset):
    """

    aid_point_id: str
    version: int
    division_code: str
    kind: AidPointKind
    label: str
    location: str
    seasons: list[SeasonIn]
    closed_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aid_point_id = self.aid_point_id

        version = self.version

        division_code = self.division_code

        kind = self.kind.value

        label = self.label

        location = self.location

        seasons = []
        for seasons_item_data in self.seasons:
            seasons_item = seasons_item_data.to_dict()
            seasons.append(seasons_item)

        closed_on: None | str | Unset
        if isinstance(self.closed_on, Unset):
            closed_on = UNSET
        elif isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aid_point_id": aid_point_id,
                "version": version,
                "division_code": division_code,
                "kind": kind,
                "label": label,
                "location": location,
                "seasons": seasons,
            }
        )
        if closed_on is not UNSET:
            field_dict["closed_on"] = closed_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.season_in import SeasonIn

        d = dict(src_dict)
        aid_point_id = d.pop("aid_point_id")

        version = d.pop("version")

        division_code = d.pop("division_code")

        kind = AidPointKind(d.pop("kind"))

        label = d.pop("label")

        location = d.pop("location")

        seasons = []
        _seasons = d.pop("seasons")
        for seasons_item_data in _seasons:
            seasons_item = SeasonIn.from_dict(seasons_item_data)

            seasons.append(seasons_item)

        def _parse_closed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        closed_on = _parse_closed_on(d.pop("closed_on", UNSET))

        aid_point_read = cls(
            aid_point_id=aid_point_id,
            version=version,
            division_code=division_code,
            kind=kind,
            label=label,
            location=location,
            seasons=seasons,
            closed_on=closed_on,
        )

        aid_point_read.additional_properties = d
        return aid_point_read

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
