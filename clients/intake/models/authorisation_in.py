from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AuthorisationIn")


@_attrs_define
class AuthorisationIn:
    """The signed authorisation for economic verification (家庭经济状况核对授权书).

    Attributes:
        signed_by_resident_id (str): 18-character resident ID (GB 11643): 17 digits and a digit or X, a real address
            code and birth date, and the check character (ISO 7064 MOD 11-2)
        signed_on (datetime.date):
        document_ref (str):
    """

    signed_by_resident_id: str
    signed_on: datetime.date
    document_ref: str

    def to_dict(self) -> dict[str, Any]:
        signed_by_resident_id = self.signed_by_resident_id

        signed_on = self.signed_on.isoformat()

        document_ref = self.document_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "signed_by_resident_id": signed_by_resident_id,
                "signed_on": signed_on,
                "document_ref": document_ref,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        signed_by_resident_id = d.pop("signed_by_resident_id")

        signed_on = datetime.date.fromisoformat(d.pop("signed_on"))

        document_ref = d.pop("document_ref")

        authorisation_in = cls(
            signed_by_resident_id=signed_by_resident_id,
            signed_on=signed_on,
            document_ref=document_ref,
        )

        return authorisation_in
