from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.standard_version_care_amounts_fen import StandardVersionCareAmountsFen
    from ..models.standard_version_class_amounts_fen import (
        StandardVersionClassAmountsFen,
    )


T = TypeVar("T", bound="StandardVersion")


@_attrs_define
class StandardVersion:
    """One version of a standard.

    Attributes:
        version (int):
        effective_from (datetime.date):
        monthly_per_person_fen (int):
        floor_per_person_fen (int):
        class_amounts_fen (StandardVersionClassAmountsFen):
        set_by (str):
        reason (None | str):
        recorded_at (datetime.datetime):
        care_amounts_fen (StandardVersionCareAmountsFen | Unset):
    """

    version: int
    effective_from: datetime.date
    monthly_per_person_fen: int
    floor_per_person_fen: int
    class_amounts_fen: StandardVersionClassAmountsFen
    set_by: str
    reason: None | str
    recorded_at: datetime.datetime
    care_amounts_fen: StandardVersionCareAmountsFen | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        effective_from = self.effective_from.isoformat()

        monthly_per_person_fen = self.monthly_per_person_fen

        floor_per_person_fen = self.floor_per_person_fen

        class_amounts_fen = self.class_amounts_fen.to_dict()

        set_by = self.set_by

        reason: None | str
        reason = self.reason

        recorded_at = self.recorded_at.isoformat()

        care_amounts_fen: dict[str, Any] | Unset = UNSET
        if not isinstance(self.care_amounts_fen, Unset):
            care_amounts_fen = self.care_amounts_fen.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "effective_from": effective_from,
                "monthly_per_person_fen": monthly_per_person_fen,
                "floor_per_person_fen": floor_per_person_fen,
                "class_amounts_fen": class_amounts_fen,
                "set_by": set_by,
                "reason": reason,
                "recorded_at": recorded_at,
            }
        )
        if care_amounts_fen is not UNSET:
            field_dict["care_amounts_fen"] = care_amounts_fen

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.standard_version_care_amounts_fen import (
            StandardVersionCareAmountsFen,
        )
        from ..models.standard_version_class_amounts_fen import (
            StandardVersionClassAmountsFen,
        )

        d = dict(src_dict)
        version = d.pop("version")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        monthly_per_person_fen = d.pop("monthly_per_person_fen")

        floor_per_person_fen = d.pop("floor_per_person_fen")

        class_amounts_fen = StandardVersionClassAmountsFen.from_dict(
            d.pop("class_amounts_fen")
        )

        set_by = d.pop("set_by")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        _care_amounts_fen = d.pop("care_amounts_fen", UNSET)
        care_amounts_fen: StandardVersionCareAmountsFen | Unset
        if isinstance(_care_amounts_fen, Unset):
            care_amounts_fen = UNSET
        else:
            care_amounts_fen = StandardVersionCareAmountsFen.from_dict(
                _care_amounts_fen
            )

        standard_version = cls(
            version=version,
            effective_from=effective_from,
            monthly_per_person_fen=monthly_per_person_fen,
            floor_per_person_fen=floor_per_person_fen,
            class_amounts_fen=class_amounts_fen,
            set_by=set_by,
            reason=reason,
            recorded_at=recorded_at,
            care_amounts_fen=care_amounts_fen,
        )

        standard_version.additional_properties = d
        return standard_version

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
