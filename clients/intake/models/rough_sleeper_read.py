from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RoughSleeperRead")


@_attrs_define
class RoughSleeperRead:
    """A record as officers see it: the resident ID masked, the person by pseudonym.

    Attributes:
        record_id (str):
        version (int):
        division_code (str):
        identified (bool):
        person_id (None | str): the person's pseudonym, as on the public topics: GET /v1/people/{person_id}/help-history
        resident_id_masked (None | str):
        appearance (None | str):
        found_address (None | str):
        stated_name (None | str):
        identified_on (datetime.date | None | Unset):
    """

    record_id: str
    version: int
    division_code: str
    identified: bool
    person_id: None | str
    resident_id_masked: None | str
    appearance: None | str
    found_address: None | str
    stated_name: None | str
    identified_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        version = self.version

        division_code = self.division_code

        identified = self.identified

        person_id: None | str
        person_id = self.person_id

        resident_id_masked: None | str
        resident_id_masked = self.resident_id_masked

        appearance: None | str
        appearance = self.appearance

        found_address: None | str
        found_address = self.found_address

        stated_name: None | str
        stated_name = self.stated_name

        identified_on: None | str | Unset
        if isinstance(self.identified_on, Unset):
            identified_on = UNSET
        elif isinstance(self.identified_on, datetime.date):
            identified_on = self.identified_on.isoformat()
        else:
            identified_on = self.identified_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "record_id": record_id,
                "version": version,
                "division_code": division_code,
                "identified": identified,
                "person_id": person_id,
                "resident_id_masked": resident_id_masked,
                "appearance": appearance,
                "found_address": found_address,
                "stated_name": stated_name,
            }
        )
        if identified_on is not UNSET:
            field_dict["identified_on"] = identified_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        record_id = d.pop("record_id")

        version = d.pop("version")

        division_code = d.pop("division_code")

        identified = d.pop("identified")

        def _parse_person_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        person_id = _parse_person_id(d.pop("person_id"))

        def _parse_resident_id_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resident_id_masked = _parse_resident_id_masked(d.pop("resident_id_masked"))

        def _parse_appearance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        appearance = _parse_appearance(d.pop("appearance"))

        def _parse_found_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        found_address = _parse_found_address(d.pop("found_address"))

        def _parse_stated_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stated_name = _parse_stated_name(d.pop("stated_name"))

        def _parse_identified_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                identified_on_type_0 = datetime.date.fromisoformat(data)

                return identified_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        identified_on = _parse_identified_on(d.pop("identified_on", UNSET))

        rough_sleeper_read = cls(
            record_id=record_id,
            version=version,
            division_code=division_code,
            identified=identified,
            person_id=person_id,
            resident_id_masked=resident_id_masked,
            appearance=appearance,
            found_address=found_address,
            stated_name=stated_name,
            identified_on=identified_on,
        )

        rough_sleeper_read.additional_properties = d
        return rough_sleeper_read

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
