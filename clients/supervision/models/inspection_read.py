from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.inspection_kind import InspectionKind

if TYPE_CHECKING:
    from ..models.accountability_read import AccountabilityRead
    from ..models.finding_read import FindingRead
    from ..models.rectification_read import RectificationRead


T = TypeVar("T", bound="InspectionRead")


@_attrs_define
class InspectionRead:
    """An inspection: its plan, the visit's findings, rectifications and accountability.

    Attributes:
        inspection_id (str):
        version (int): the inspection's version: If-Match of the next step
        kind (InspectionKind): The five forms the notice names (日常、定期、专项、跟踪、暗访督查).
        division_code (str):
        planned_on (datetime.date):
        scope (str):
        team (list[str]):
        visited_on (datetime.date | None):
        findings (list[FindingRead]):
        rectifications (list[RectificationRead]):
        accountability (list[AccountabilityRead]):
    """

    inspection_id: str
    version: int
    kind: InspectionKind
    division_code: str
    planned_on: datetime.date
    scope: str
    team: list[str]
    visited_on: datetime.date | None
    findings: list[FindingRead]
    rectifications: list[RectificationRead]
    accountability: list[AccountabilityRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        inspection_id = self.inspection_id

        version = self.version

        kind = self.kind.value

        division_code = self.division_code

        planned_on = self.planned_on.isoformat()

        scope = self.scope

        team = self.team

        visited_on: None | str
        if isinstance(self.visited_on, datetime.date):
            visited_on = self.visited_on.isoformat()
        else:
            visited_on = self.visited_on

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        rectifications = []
        for rectifications_item_data in self.rectifications:
            rectifications_item = rectifications_item_data.to_dict()
            rectifications.append(rectifications_item)

        accountability = []
        for accountability_item_data in self.accountability:
            accountability_item = accountability_item_data.to_dict()
            accountability.append(accountability_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "inspection_id": inspection_id,
                "version": version,
                "kind": kind,
                "division_code": division_code,
                "planned_on": planned_on,
                "scope": scope,
                "team": team,
                "visited_on": visited_on,
                "findings": findings,
                "rectifications": rectifications,
                "accountability": accountability,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.accountability_read import AccountabilityRead
        from ..models.finding_read import FindingRead
        from ..models.rectification_read import RectificationRead

        d = dict(src_dict)
        inspection_id = d.pop("inspection_id")

        version = d.pop("version")

        kind = InspectionKind(d.pop("kind"))

        division_code = d.pop("division_code")

        planned_on = datetime.date.fromisoformat(d.pop("planned_on"))

        scope = d.pop("scope")

        team = cast(list[str], d.pop("team"))

        def _parse_visited_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visited_on_type_0 = datetime.date.fromisoformat(data)

                return visited_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        visited_on = _parse_visited_on(d.pop("visited_on"))

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = FindingRead.from_dict(findings_item_data)

            findings.append(findings_item)

        rectifications = []
        _rectifications = d.pop("rectifications")
        for rectifications_item_data in _rectifications:
            rectifications_item = RectificationRead.from_dict(rectifications_item_data)

            rectifications.append(rectifications_item)

        accountability = []
        _accountability = d.pop("accountability")
        for accountability_item_data in _accountability:
            accountability_item = AccountabilityRead.from_dict(accountability_item_data)

            accountability.append(accountability_item)

        inspection_read = cls(
            inspection_id=inspection_id,
            version=version,
            kind=kind,
            division_code=division_code,
            planned_on=planned_on,
            scope=scope,
            team=team,
            visited_on=visited_on,
            findings=findings,
            rectifications=rectifications,
            accountability=accountability,
        )

        inspection_read.additional_properties = d
        return inspection_read

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
