from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.programme_case import ProgrammeCase


T = TypeVar("T", bound="CaseRead")


@_attrs_define
class CaseRead:
    """A case as verification sees it: one file per programme it decides.

    Attributes:
        case_id (str):
        division_code (str):
        programmes (list[ProgrammeCase]):
    """

    case_id: str
    division_code: str
    programmes: list[ProgrammeCase]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = self.case_id

        division_code = self.division_code

        programmes = []
        for programmes_item_data in self.programmes:
            programmes_item = programmes_item_data.to_dict()
            programmes.append(programmes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "division_code": division_code,
                "programmes": programmes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.programme_case import ProgrammeCase

        d = dict(src_dict)
        case_id = d.pop("case_id")

        division_code = d.pop("division_code")

        programmes = []
        _programmes = d.pop("programmes")
        for programmes_item_data in _programmes:
            programmes_item = ProgrammeCase.from_dict(programmes_item_data)

            programmes.append(programmes_item)

        case_read = cls(
            case_id=case_id,
            division_code=division_code,
            programmes=programmes,
        )

        case_read.additional_properties = d
        return case_read

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
