from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChainVerdict")


@_attrs_define
class ChainVerdict:
    """The verdict on one stream's hash chain.

    Attributes:
        service (str):
        stream_id (str):
        events_checked (int):
        ok (bool):
        first_bad_version (int | None):
        problem (None | str):
    """

    service: str
    stream_id: str
    events_checked: int
    ok: bool
    first_bad_version: int | None
    problem: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        stream_id = self.stream_id

        events_checked = self.events_checked

        ok = self.ok

        first_bad_version: int | None
        first_bad_version = self.first_bad_version

        problem: None | str
        problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service": service,
                "stream_id": stream_id,
                "events_checked": events_checked,
                "ok": ok,
                "first_bad_version": first_bad_version,
                "problem": problem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        service = d.pop("service")

        stream_id = d.pop("stream_id")

        events_checked = d.pop("events_checked")

        ok = d.pop("ok")

        def _parse_first_bad_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        first_bad_version = _parse_first_bad_version(d.pop("first_bad_version"))

        def _parse_problem(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        problem = _parse_problem(d.pop("problem"))

        chain_verdict = cls(
            service=service,
            stream_id=stream_id,
            events_checked=events_checked,
            ok=ok,
            first_bad_version=first_bad_version,
            problem=problem,
        )

        chain_verdict.additional_properties = d
        return chain_verdict

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
