from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScreeningView")


@_attrs_define
class ScreeningView:
    """A screening, its outcome and the county's action.

    Attributes:
        screening_id (str):
        version (int):
        name (str):
        resident_id_masked (str):
        division_code (str):
        disability_kind (str):
        disability_grade (int):
        has_living_source (bool):
        supporter (str):
        screened_on (datetime.date):
        status (str): flagged | not_met | include | decline
        unmet (list[str]):
        unmet_zh (list[str]):
        rule (str):
        decision_reason (None | str | Unset):
        decided_by (None | str | Unset):
        decided_on (datetime.date | None | Unset):
        application_ref (None | str | Unset):
    """

    screening_id: str
    version: int
    name: str
    resident_id_masked: str
    division_code: str
    disability_kind: str
    disability_grade: int
    has_living_source: bool
    supporter: str
    screened_on: datetime.date
    status: str
    unmet: list[str]
    unmet_zh: list[str]
    rule: str
    decision_reason: None | str | Unset = UNSET
    decided_by: None | str | Unset = UNSET
    decided_on: datetime.date | None | Unset = UNSET
    application_ref: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        screening_id = self.screening_id

        version = self.version

        name = self.name

        resident_id_masked = self.resident_id_masked

        division_code = self.division_code

        disability_kind = self.disability_kind

        disability_grade = self.disability_grade

        has_living_source = self.has_living_source

        supporter = self.supporter

        screened_on = self.screened_on.isoformat()

        status = self.status

        unmet = self.unmet

        unmet_zh = self.unmet_zh

        rule = self.rule

        decision_reason: None | str | Unset
        if isinstance(self.decision_reason, Unset):
            decision_reason = UNSET
        else:
            decision_reason = self.decision_reason

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        else:
            decided_by = self.decided_by

        decided_on: None | str | Unset
        if isinstance(self.decided_on, Unset):
            decided_on = UNSET
        elif isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        application_ref: None | str | Unset
        if isinstance(self.application_ref, Unset):
            application_ref = UNSET
        else:
            application_ref = self.application_ref

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "screening_id": screening_id,
                "version": version,
                "name": name,
                "resident_id_masked": resident_id_masked,
                "division_code": division_code,
                "disability_kind": disability_kind,
                "disability_grade": disability_grade,
                "has_living_source": has_living_source,
                "supporter": supporter,
                "screened_on": screened_on,
                "status": status,
                "unmet": unmet,
                "unmet_zh": unmet_zh,
                "rule": rule,
            }
        )
        if decision_reason is not UNSET:
            field_dict["decision_reason"] = decision_reason
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if decided_on is not UNSET:
            field_dict["decided_on"] = decided_on
        if application_ref is not UNSET:
            field_dict["application_ref"] = application_ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        screening_id = d.pop("screening_id")

        version = d.pop("version")

        name = d.pop("name")

        resident_id_masked = d.pop("resident_id_masked")

        division_code = d.pop("division_code")

        disability_kind = d.pop("disability_kind")

        disability_grade = d.pop("disability_grade")

        has_living_source = d.pop("has_living_source")

        supporter = d.pop("supporter")

        screened_on = datetime.date.fromisoformat(d.pop("screened_on"))

        status = d.pop("status")

        unmet = cast(list[str], d.pop("unmet"))

        unmet_zh = cast(list[str], d.pop("unmet_zh"))

        rule = d.pop("rule")

        def _parse_decision_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason", UNSET))

        def _parse_decided_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_decided_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        decided_on = _parse_decided_on(d.pop("decided_on", UNSET))

        def _parse_application_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        application_ref = _parse_application_ref(d.pop("application_ref", UNSET))

        screening_view = cls(
            screening_id=screening_id,
            version=version,
            name=name,
            resident_id_masked=resident_id_masked,
            division_code=division_code,
            disability_kind=disability_kind,
            disability_grade=disability_grade,
            has_living_source=has_living_source,
            supporter=supporter,
            screened_on=screened_on,
            status=status,
            unmet=unmet,
            unmet_zh=unmet_zh,
            rule=rule,
            decision_reason=decision_reason,
            decided_by=decided_by,
            decided_on=decided_on,
            application_ref=application_ref,
        )

        screening_view.additional_properties = d
        return screening_view

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
