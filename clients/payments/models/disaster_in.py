from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DisasterIn")


@_attrs_define
class DisasterIn:
    """A disaster and its relief allocation.

    Attributes:
        disaster_id (str):
        county_code (str): 6-digit county code (GB/T 2260)
        name (str):
        occurred_on (datetime.date):
        allocation_fen (int):
        reason (str):
        housing_target (datetime.date | None | Unset): default: 31 Dec of the year after the disaster (the notice)
    """

    disaster_id: str
    county_code: str
    name: str
    occurred_on: datetime.date
    allocation_fen: int
    reason: str
    housing_target: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        disaster_id = self.disaster_id

        county_code = self.county_code

        name = self.name

        occurred_on = self.occurred_on.isoformat()

        allocation_fen = self.allocation_fen

        reason = self.reason

        housing_target: None | str | Unset
        if isinstance(self.housing_target, Unset):
            housing_target = UNSET
        elif isinstance(self.housing_target, datetime.date):
            housing_target = self.housing_target.isoformat()
        else:
            housing_target = self.housing_target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "disaster_id": disaster_id,
                "county_code": county_code,
                "name": name,
                "occurred_on": occurred_on,
                "allocation_fen": allocation_fen,
                "reason": reason,
            }
        )
        if housing_target is not UNSET:
            field_dict["housing_target"] = housing_target

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        disaster_id = d.pop("disaster_id")

        county_code = d.pop("county_code")

        name = d.pop("name")

        occurred_on = datetime.date.fromisoformat(d.pop("occurred_on"))

        allocation_fen = d.pop("allocation_fen")

        reason = d.pop("reason")

        def _parse_housing_target(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                housing_target_type_0 = datetime.date.fromisoformat(data)

                return housing_target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        housing_target = _parse_housing_target(d.pop("housing_target", UNSET))

        disaster_in = cls(
            disaster_id=disaster_id,
            county_code=county_code,
            name=name,
            occurred_on=occurred_on,
            allocation_fen=allocation_fen,
            reason=reason,
            housing_target=housing_target,
        )

        return disaster_in
