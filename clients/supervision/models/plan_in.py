from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.inspection_kind import InspectionKind

T = TypeVar("T", bound="PlanIn")


@_attrs_define
class PlanIn:
    """An inspection plan.

    Attributes:
        kind (InspectionKind): The five forms the notice names (日常、定期、专项、跟踪、暗访督查).
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county (6), or a
            township (9) or village (12 digits) under a county
        planned_on (datetime.date):
        scope (str):
        team (list[str]):
    """

    kind: InspectionKind
    division_code: str
    planned_on: datetime.date
    scope: str
    team: list[str]

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        division_code = self.division_code

        planned_on = self.planned_on.isoformat()

        scope = self.scope

        team = self.team

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "division_code": division_code,
                "planned_on": planned_on,
                "scope": scope,
                "team": team,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = InspectionKind(d.pop("kind"))

        division_code = d.pop("division_code")

        planned_on = datetime.date.fromisoformat(d.pop("planned_on"))

        scope = d.pop("scope")

        team = cast(list[str], d.pop("team"))

        plan_in = cls(
            kind=kind,
            division_code=division_code,
            planned_on=planned_on,
            scope=scope,
            team=team,
        )

        return plan_in
