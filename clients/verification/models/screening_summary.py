from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ScreeningSummary")


@_attrs_define
class ScreeningSummary:
    """A screening in the county's list.

    Attributes:
        screening_id (str):
        version (int):
        name (str):
        resident_id_masked (str):
        division_code (str):
        status (str): flagged | not_met | include | decline
        unmet (list[str]):
        screened_on (datetime.date):
        decided_on (datetime.date | None):
    """

    screening_id: str
    version: int
    name: str
    resident_id_masked: str
    division_code: str
    status: str
    unmet: list[str]
    screened_on: datetime.date
    decided_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        screening_id = self.screening_id

        version = self.version

        name = self.name

        resident_id_masked = self.resident_id_masked

        division_code = self.division_code

        status = self.status

        unmet = self.unmet

        screened_on = self.screened_on.isoformat()

        decided_on: None | str
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "screening_id": screening_id,
                "version": version,
                "name": name,
                "resident_id_masked": resident_id_masked,
                "division_code": division_code,
                "status": status,
                "unmet": unmet,
                "screened_on": screened_on,
                "decided_on": decided_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        screening_id = d.pop("screening_id")

        version = d.pop("version")

        name = d.pop("name")

        resident_id_masked = d.pop("resident_id_masked")

        division_code = d.pop("division_code")

        status = d.pop("status")

        unmet = cast(list[str], d.pop("unmet"))

        screened_on = datetime.date.fromisoformat(d.pop("screened_on"))

        def _parse_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_on = _parse_decided_on(d.pop("decided_on"))

        screening_summary = cls(
            screening_id=screening_id,
            version=version,
            name=name,
            resident_id_masked=resident_id_masked,
            division_code=division_code,
            status=status,
            unmet=unmet,
            screened_on=screened_on,
            decided_on=decided_on,
        )

        screening_summary.additional_properties = d
        return screening_summary

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
