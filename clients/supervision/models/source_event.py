from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.source_event_data import SourceEventData
    from ..models.source_event_metadata import SourceEventMetadata


T = TypeVar("T", bound="SourceEvent")


@_attrs_define
class SourceEvent:
    """One event row exactly as the source service's database holds it (columns the check does
    not read, such as `trace_context`, may come with it and are ignored).

        Attributes:
            event_id (str):
            stream_id (str):
            stream_version (int):
            position (int):
            type_ (str):
            schema_version (int):
            occurred_at (datetime.datetime):
            recorded_at (datetime.datetime):
            data (SourceEventData):
            metadata (SourceEventMetadata):
            prev_hash (str):
            hash_ (str):
    """

    event_id: str
    stream_id: str
    stream_version: int
    position: int
    type_: str
    schema_version: int
    occurred_at: datetime.datetime
    recorded_at: datetime.datetime
    data: SourceEventData
    metadata: SourceEventMetadata
    prev_hash: str
    hash_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        stream_id = self.stream_id

        stream_version = self.stream_version

        position = self.position

        type_ = self.type_

        schema_version = self.schema_version

        occurred_at = self.occurred_at.isoformat()

        recorded_at = self.recorded_at.isoformat()

        data = self.data.to_dict()

        metadata = self.metadata.to_dict()

        prev_hash = self.prev_hash

        hash_ = self.hash_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "stream_id": stream_id,
                "stream_version": stream_version,
                "position": position,
                "type": type_,
                "schema_version": schema_version,
                "occurred_at": occurred_at,
                "recorded_at": recorded_at,
                "data": data,
                "metadata": metadata,
                "prev_hash": prev_hash,
                "hash": hash_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.source_event_data import SourceEventData
        from ..models.source_event_metadata import SourceEventMetadata

        d = dict(src_dict)
        event_id = d.pop("event_id")

        stream_id = d.pop("stream_id")

        stream_version = d.pop("stream_version")

        position = d.pop("position")

        type_ = d.pop("type")

        schema_version = d.pop("schema_version")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        data = SourceEventData.from_dict(d.pop("data"))

        metadata = SourceEventMetadata.from_dict(d.pop("metadata"))

        prev_hash = d.pop("prev_hash")

        hash_ = d.pop("hash")

        source_event = cls(
            event_id=event_id,
            stream_id=stream_id,
            stream_version=stream_version,
            position=position,
            type_=type_,
            schema_version=schema_version,
            occurred_at=occurred_at,
            recorded_at=recorded_at,
            data=data,
            metadata=metadata,
            prev_hash=prev_hash,
            hash_=hash_,
        )

        source_event.additional_properties = d
        return source_event

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
