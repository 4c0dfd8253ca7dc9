from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.aid_point_kind import AidPointKind

if TYPE_CHECKING:
    from ..models.season_in import SeasonIn


T = TypeVar("T", bound="AidPointCreate")


@_attrs_define
class AidPointCreate:
    """An open aid point or temporary shelter of a county or township, with its seasons.

    Attributes:
        division_code (str): the county (6) or township (9 digits)
        kind (AidPointKind): What the notice asks to set up where people sleep rough (二(二)).
        label (str): 救助点名称
        location (str): 救助点地点
        seasons (list[SeasonIn]):
    """

    division_code: str
    kind: AidPointKind
    label: str
    location: str
    seasons: list[SeasonIn]

    def to_dict(self) -> dict[str, Any]:
        division_code = self.division_code

        kind = self.kind.value

        label = self.label

        location = self.location

        seasons = []
        for seasons_item_data in self.seasons:
            seasons_item = seasons_item_data.to_dict()
            seasons.append(seasons_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "division_code": division_code,
                "kind": kind,
                "label": label,
                "location": location,
                "seasons": seasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.season_in import SeasonIn

        d = dict(src_dict)
        division_code = d.pop("division_code")

        kind = AidPointKind(d.pop("kind"))

        label = d.pop("label")

        location = d.pop("location")

        seasons = []
        _seasons = d.pop("seasons")
        for seasons_item_data in _seasons:
            seasons_item = SeasonIn.from_dict(seasons_item_data)

            seasons.append(seasons_item)

        aid_point_create = cls(
            division_code=division_code,
            kind=kind,
            label=label,
            location=location,
            seasons=seasons,
        )

        return aid_point_create
