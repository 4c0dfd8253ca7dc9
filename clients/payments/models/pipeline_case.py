from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pipeline_case_stage import PipelineCaseStage

T = TypeVar("T", bound="PipelineCase")


@_attrs_define
class PipelineCase:
    """A case on its way to a decision, as payments tracks it for funds planning.

    Attributes:
        case_id (str):
        division_code (str):
        programmes (list[str]):
        household_size (int):
        stage (PipelineCaseStage): submitted, in_verification, then the latest decision on a programme of the case:
            approved (enrolled for payment), rejected or withdrawn
        updated_at (datetime.datetime):
    """

    case_id: str
    division_code: str
    programmes: list[str]
    household_size: int
    stage: PipelineCaseStage
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        division_code = self.division_code

        programmes = self.programmes

        household_size = self.household_size

        stage = self.stage.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "division_code": division_code,
                "programmes": programmes,
                "household_size": household_size,
                "stage": stage,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        case_id = d.pop("case_id")

        division_code = d.pop("division_code")

        programmes = cast(list[str], d.pop("programmes"))

        household_size = d.pop("household_size")

        stage = PipelineCaseStage(d.pop("stage"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        pipeline_case = cls(
            case_id=case_id,
            division_code=division_code,
            programmes=programmes,
            household_size=household_size,
            stage=stage,
            updated_at=updated_at,
        )

        pipeline_case.additional_properties = d
        return pipeline_case

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
