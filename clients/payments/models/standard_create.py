from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.standard_create_programme import StandardCreateProgramme
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.standard_create_care_amounts_fen import StandardCreateCareAmountsFen
    from ..models.standard_create_class_amounts_fen import StandardCreateClassAmountsFen


T = TypeVar("T", bound="StandardCreate")


@_attrs_define
class StandardCreate:
    """A standard for a county (6 digits) or a provincial guidance minimum (division 62).

    Attributes:
        division_code (str): 62 (provincial guidance) or a 6-digit county code
        programme (StandardCreateProgramme): urban_dibao, rural_dibao, extreme_poverty, …
        effective_from (datetime.date):
        monthly_per_person_fen (int): 分/人/月
        reason (str): 文件依据 / why
        floor_per_person_fen (int | Unset): 保底 分/人/月 Default: 0.
        class_amounts_fen (StandardCreateClassAmountsFen | Unset): rural dibao class 1–4 → 分/人/月
        care_amounts_fen (StandardCreateCareAmountsFen | Unset): extreme-poverty care by self-care ability
            (full/partial/none) 分/人/月
        lowering_reason (None | str | Unset): 降低理由: needed to set a level below the one in force (保障水平不能降低)
    """

    division_code: str
    programme: StandardCreateProgramme
    effective_from: datetime.date
    monthly_per_person_fen: int
    reason: str
    floor_per_person_fen: int | Unset = 0
    class_amounts_fen: StandardCreateClassAmountsFen | Unset = UNSET
    care_amounts_fen: StandardCreateCareAmountsFen | Unset = UNSET
    lowering_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        division_code = self.division_code

        programme = self.programme.value

        effective_from = self.effective_from.isoformat()

        monthly_per_person_fen = self.monthly_per_person_fen

        reason = self.reason

        floor_per_person_fen = self.floor_per_person_fen

        class_amounts_fen: dict[str, Any] | Unset = UNSET
        if not isinstance(self.class_amounts_fen, Unset):
            class_amounts_fen = self.class_amounts_fen.to_dict()

        care_amounts_fen: dict[str, Any] | Unset = UNSET
        if not isinstance(self.care_amounts_fen, Unset):
            care_amounts_fen = self.care_amounts_fen.to_dict()

        lowering_reason: None | str | Unset
        if isinstance(self.lowering_reason, Unset):
            lowering_reason = UNSET
        else:
            lowering_reason = self.lowering_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "division_code": division_code,
                "programme": programme,
                "effective_from": effective_from,
                "monthly_per_person_fen": monthly_per_person_fen,
                "reason": reason,
            }
        )
        if floor_per_person_fen is not UNSET:
            field_dict["floor_per_person_fen"] = floor_per_person_fen
        if class_amounts_fen is not UNSET:
            field_dict["class_amounts_fen"] = class_amounts_fen
        if care_amounts_fen is not UNSET:
            field_dict["care_amounts_fen"] = care_amounts_fen
        if lowering_reason is not UNSET:
            field_dict["lowering_reason"] = lowering_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.standard_create_care_amounts_fen import (
            StandardCreateCareAmountsFen,
        )
        from ..models.standard_create_class_amounts_fen import (
            StandardCreateClassAmountsFen,
        )

        d = dict(src_dict)
        division_code = d.pop("division_code")

        programme = StandardCreateProgramme(d.pop("programme"))

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        monthly_per_person_fen = d.pop("monthly_per_person_fen")

        reason = d.pop("reason")

        floor_per_person_fen = d.pop("floor_per_person_fen", UNSET)

        _class_amounts_fen = d.pop("class_amounts_fen", UNSET)
        class_amounts_fen: StandardCreateClassAmountsFen | Unset
        if isinstance(_class_amounts_fen, Unset):
            class_amounts_fen = UNSET
        else:
            class_amounts_fen = StandardCreateClassAmountsFen.from_dict(
                _class_amounts_fen
            )

        _care_amounts_fen = d.pop("care_amounts_fen", UNSET)
        care_amounts_fen: StandardCreateCareAmountsFen | Unset
        if isinstance(_care_amounts_fen, Unset):
            care_amounts_fen = UNSET
        else:
            care_amounts_fen = StandardCreateCareAmountsFen.from_dict(_care_amounts_fen)

        def _parse_lowering_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lowering_reason = _parse_lowering_reason(d.pop("lowering_reason", UNSET))

        standard_create = cls(
            division_code=division_code,
            programme=programme,
            effective_from=effective_from,
            monthly_per_person_fen=monthly_per_person_fen,
            reason=reason,
            floor_per_person_fen=floor_per_person_fen,
            class_amounts_fen=class_amounts_fen,
            care_amounts_fen=care_amounts_fen,
            lowering_reason=lowering_reason,
        )

        return standard_create
