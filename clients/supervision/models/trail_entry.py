from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_out import ActorOut


T = TypeVar("T", bound="TrailEntry")


@_attrs_define
class TrailEntry:
    """One event of the case, from any service: who, when, what, why, how.

    Attributes:
        service (str):
        type_ (str):
        stream_id (str):
        stream_version (int):
        event_id (str):
        occurred_at (datetime.datetime):
        recorded_at (datetime.datetime):
        actor (ActorOut): Who did it.
        channel (str):
        reason (None | str):
        correlation_id (None | str):
        causation_id (None | str):
        hash_ (str):
    """

    service: str
    type_: str
    stream_id: str
    stream_version: int
    event_id: str
    occurred_at: datetime.datetime
    recorded_at: datetime.datetime
    actor: ActorOut
    channel: str
    reason: None | str
    correlation_id: None | str
    causation_id: None | str
    hash_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        type_ = self.type_

        stream_id = self.stream_id

        stream_version = self.stream_version

        event_id = self.event_id

        occurred_at = self.occurred_at.isoformat()

        recorded_at = self.recorded_at.isoformat()

        actor = self.actor.to_dict()

        channel = self.channel

        reason: None | str
        reason = self.reason

        correlation_id: None | str
        correlation_id = self.correlation_id

        causation_id: None | str
        causation_id = self.causation_id

        hash_ = self.hash_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service": service,
                "type": type_,
                "stream_id": stream_id,
                "stream_version": stream_version,
                "event_id": event_id,
                "occurred_at": occurred_at,
                "recorded_at": recorded_at,
                "actor": actor,
                "channel": channel,
                "reason": reason,
                "correlation_id": correlation_id,
                "causation_id": causation_id,
                "hash": hash_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.actor_out import ActorOut

        d = dict(src_dict)
        service = d.pop("service")

        type_ = d.pop("type")

        stream_id = d.pop("stream_id")

        stream_version = d.pop("stream_version")

        event_id = d.pop("event_id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        actor = ActorOut.from_dict(d.pop("actor"))

        channel = d.pop("channel")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_correlation_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        correlation_id = _parse_correlation_id(d.pop("correlation_id"))

        def _parse_causation_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        causation_id = _parse_causation_id(d.pop("causation_id"))

        hash_ = d.pop("hash")

        trail_entry = cls(
            service=service,
            type_=type_,
            stream_id=stream_id,
            stream_version=stream_version,
            event_id=event_id,
            occurred_at=occurred_at,
            recorded_at=recorded_at,
            actor=actor,
            channel=channel,
            reason=reason,
            correlation_id=correlation_id,
            causation_id=causation_id,
            hash_=hash_,
        )

        trail_entry.additional_properties = d
        return trail_entry

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
