from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agency import Agency

T = TypeVar("T", bound="ReferralRead")


@_attrs_define
class ReferralRead:
    """A referral with its deadline and state.

    Attributes:
        referral_id (str):
        version (int):
        first_office_division (str):
        to_agency (Agency): The competent agency that decides a programme.
        to_division (str):
        status (str): open | acknowledged
        overdue (bool):
        received_on (datetime.date):
        acknowledge_by (datetime.date):
    """

    referral_id: str
    version: int
    first_office_division: str
    to_agency: Agency
    to_division: str
    status: str
    overdue: bool
    received_on: datetime.date
    acknowledge_by: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        referral_id = self.referral_id

        version = self.version

        first_office_division = self.first_office_division

        to_agency = self.to_agency.value

        to_division = self.to_division

        status = self.status

        overdue = self.overdue

        received_on = self.received_on.isoformat()

        acknowledge_by = self.acknowledge_by.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "referral_id": referral_id,
                "version": version,
                "first_office_division": first_office_division,
                "to_agency": to_agency,
                "to_division": to_division,
                "status": status,
                "overdue": overdue,
                "received_on": received_on,
                "acknowledge_by": acknowledge_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        referral_id = d.pop("referral_id")

        version = d.pop("version")

        first_office_division = d.pop("first_office_division")

        to_agency = Agency(d.pop("to_agency"))

        to_division = d.pop("to_division")

        status = d.pop("status")

        overdue = d.pop("overdue")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        acknowledge_by = datetime.date.fromisoformat(d.pop("acknowledge_by"))

        referral_read = cls(
            referral_id=referral_id,
            version=version,
            first_office_division=first_office_division,
            to_agency=to_agency,
            to_division=to_division,
            status=status,
            overdue=overdue,
            received_on=received_on,
            acknowledge_by=acknowledge_by,
        )

        referral_read.additional_properties = d
        return referral_read

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
