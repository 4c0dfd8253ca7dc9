from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventSchemaDocument")


@_attrs_define
class EventSchemaDocument:
    """A JSON Schema (draft 2020-12) of an event type's `data` at one schema version.

    Attributes:
        schema (str):
        title (str):
        x_schema_version (int):
        type_ (str):
        id (None | str | Unset):
    """

    schema: str
    title: str
    x_schema_version: int
    type_: str
    id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schema = self.schema

        title = self.title

        x_schema_version = self.x_schema_version

        type_ = self.type_

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "$schema": schema,
                "title": title,
                "x-schema-version": x_schema_version,
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["$id"] = id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        schema = d.pop("$schema")

        title = d.pop("title")

        x_schema_version = d.pop("x-schema-version")

        type_ = d.pop("type")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("$id", UNSET))

        event_schema_document = cls(
            schema=schema,
            title=title,
            x_schema_version=x_schema_version,
            type_=type_,
            id=id,
        )

        event_schema_document.additional_properties = d
        return event_schema_document

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
