from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FindingOut")


@_attrs_define
class FindingOut:
    """A position where history was changed, and how.

    Attributes:
        service (str):
        position (int):
        stream_id (None | str):
        stream_version (int | None):
        problem (str):
        digest_sequence (int | None | Unset):
    """

    service: str
    position: int
    stream_id: None | str
    stream_version: int | None
    problem: str
    digest_sequence: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        position = self.position

        stream_id: None | str
        stream_id = self.stream_id

        stream_version: int | None
        stream_version = self.stream_version

        problem = self.problem

        digest_sequence: int | None | Unset
        if isinstance(self.digest_sequence, Unset):
            digest_sequence = UNSET
        else:
            digest_sequence = self.digest_sequence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service": service,
                "position": position,
                "stream_id": stream_id,
                "stream_version": stream_version,
                "problem": problem,
            }
        )
        if digest_sequence is not UNSET:
            field_dict["digest_sequence"] = digest_sequence

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        service = d.pop("service")

        position = d.pop("position")

        def _parse_stream_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stream_id = _parse_stream_id(d.pop("stream_id"))

        def _parse_stream_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        stream_version = _parse_stream_version(d.pop("stream_version"))

        problem = d.pop("problem")

        def _parse_digest_sequence(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        digest_sequence = _parse_digest_sequence(d.pop("digest_sequence", UNSET))

        finding_out = cls(
            service=service,
            position=position,
            stream_id=stream_id,
            stream_version=stream_version,
            problem=problem,
            digest_sequence=digest_sequence,
        )

        finding_out.additional_properties = d
        return finding_out

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
