"""CloudEvents 1.0 in Kafka binary mode: the event data as the value, the envelope as headers."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from shared.canonical import canonical_json
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.eventstore.hashing import canonical_instant
from shared.jsontext import parse_json

SPEC_VERSION = "1.0"
CONTENT_TYPE = "application/json"
SOURCE_PREFIX = "/safetynet/"
SCHEMA_BASE = "https://safetynet.gansu.gov.cn/schemas"
ACTOR_FIELDS = frozenset({"id", "role", "org", "division"})
OPTIONAL_METADATA = {
    "ce_reason": "reason",
    "ce_correlationid": "correlation_id",
    "ce_causationid": "causation_id",
    "ce_caseid": "case_id",
}

Headers = Sequence[tuple[str, bytes]]


class UndecodableMessage(ValueError):
    """A Kafka message that is not a well-formed SafetyNet CloudEvent."""


@dataclass(frozen=True)
class KafkaRecord:
    """What goes onto the topic: key, value and headers."""

    key: bytes
    value: bytes
    headers: list[tuple[str, bytes]]


@dataclass(frozen=True)
class Decoded:
    """A message read back: the recorded event, the publishing service and the broker epoch."""

    event: RecordedEvent
    service: str
    broker_epoch: int


_schema_base = SCHEMA_BASE  # this process's public base of the schema URIs (ADR 0039)


def use_schema_base(url: str) -> None:
    """Set this process's public base of `ce_dataschema` (the composition root, at start-up).

    The owning service serves each schema at the URI's path under its own root
    (`/schemas/<type>/v<N>.json`, shared/http/event_schemas.py): the base is where a gateway
    exposes those paths, or a service's own URL."""
    global _schema_base
    _schema_base = url.rstrip("/")


def dataschema(event_type: str, schema_version: int) -> str:
    """The URI of the JSON Schema of an event type at a schema version."""
    return f"{_schema_base}/{event_type}/v{schema_version}.json"


def encode(event: RecordedEvent, service: str, broker_epoch: int) -> KafkaRecord:
    """The Kafka record of an event, keyed by its case so a case's events share a partition."""
    meta = event.metadata
    text: list[tuple[str, str]] = [
        ("ce_specversion", SPEC_VERSION),
        ("ce_id", str(event.event_id)),
        ("ce_source", SOURCE_PREFIX + service),
        ("ce_type", event.type),
        ("ce_time", canonical_instant(event.occurred_at)),
        ("ce_subject", event.stream_id),
        ("content-type", CONTENT_TYPE),
        ("ce_dataschema", dataschema(event.type, event.schema_version)),
        ("ce_schemaversion", str(event.schema_version)),
        ("ce_streamid", event.stream_id),
        ("ce_streamversion", str(event.stream_version)),
        ("ce_position", str(event.position)),
        ("ce_recordedat", canonical_instant(event.recorded_at)),
        ("ce_actor", canonical_json(meta.to_dict()["actor"])),
        ("ce_channel", meta.channel),
    ]
    for header, name in OPTIONAL_METADATA.items():
        value = getattr(meta, name)
        if value is not None:
            text.append((header, value))
    text += [
        ("ce_prevhash", event.prev_hash),
        ("ce_hash", event.hash),
        ("ce_brokerepoch", str(broker_epoch)),
    ]
    headers = [(name, value.encode("utf-8")) for name, value in text]
    value = canonical_json(event.data).encode("utf-8")
    return KafkaRecord(key=event.case_id.encode("utf-8"), value=value, headers=headers)


def decode(headers: Headers, value: bytes | None) -> Decoded:
    """The recorded event a message carries, exactly as stored; UndecodableMessage if malformed."""
    h = _header_map(headers)
    _expect(h, "ce_specversion", SPEC_VERSION)
    _expect(h, "content-type", CONTENT_TYPE)
    source = _required(h, "ce_source")
    if not source.startswith(SOURCE_PREFIX) or len(source) == len(SOURCE_PREFIX):
        raise UndecodableMessage(f"ce_source {source!r} is not /safetynet/<service>")
    if _required(h, "ce_subject") != _required(h, "ce_streamid"):
        raise UndecodableMessage("ce_subject and ce_streamid disagree")
    event = RecordedEvent(
        event_id=_parse(h, "ce_id", uuid.UUID),
        type=_required(h, "ce_type"),
        schema_version=_parse(h, "ce_schemaversion", int),
        stream_id=_required(h, "ce_streamid"),
        stream_version=_parse(h, "ce_streamversion", int),
        position=_parse(h, "ce_position", int),
        occurred_at=_parse(h, "ce_time", _instant),
        recorded_at=_parse(h, "ce_recordedat", _instant),
        data=_data(value),
        metadata=_metadata(h),
        prev_hash=_required(h, "ce_prevhash"),
        hash=_required(h, "ce_hash"),
    )
    return Decoded(event, source[len(SOURCE_PREFIX) :], _parse(h, "ce_brokerepoch", int))


def header_value(headers: Headers, name: str) -> str | None:
    """One header as text (None when absent or not UTF-8), for diagnostics."""
    for key, raw in headers:
        if key == name:
            try:
                return raw.decode("utf-8")
            except (UnicodeDecodeError, AttributeError):
                return None
    return None


def _header_map(headers: Headers) -> dict[str, str]:
    try:  # the usual message: distinct names, every value UTF-8 bytes
        found = {name: raw.decode("utf-8") for name, raw in headers or ()}
    except (AttributeError, UnicodeDecodeError):
        found = {}
    if len(found) == len(headers or ()):
        return found
    return _checked_header_map(headers)  # says what is wrong


def _checked_header_map(headers: Headers) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, raw in headers or ():
        if name in found:
            raise UndecodableMessage(f"header {name} appears twice")
        try:
            found[name] = bytes(raw).decode("utf-8")
        except (UnicodeDecodeError, TypeError) as error:
            raise UndecodableMessage(f"header {name} is not UTF-8 text: {error}") from None
    return found


def _required(h: dict[str, str], name: str) -> str:
    if name not in h:
        raise UndecodableMessage(f"missing header {name}")
    return h[name]


def _expect(h: dict[str, str], name: str, expected: str) -> None:
    if _required(h, name) != expected:
        raise UndecodableMessage(f"header {name} is {h[name]!r}, expected {expected!r}")


def _parse(h: dict[str, str], name: str, parse: Callable[[str], Any]) -> Any:
    raw = _required(h, name)
    try:
        return parse(raw)
    except (ValueError, TypeError) as error:
        raise UndecodableMessage(f"header {name}={raw!r} is malformed: {error}") from None


def _instant(raw: str) -> datetime:
    value = datetime.fromisoformat(raw)
    if value.tzinfo is None:
        raise ValueError("instant without a time zone")
    return value


def _data(value: bytes | None) -> dict[str, Any]:
    if value is None:
        raise UndecodableMessage("message has no value")
    try:
        data = parse_json(value)
    except ValueError as error:  # UnicodeDecodeError is one
        raise UndecodableMessage(f"value is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise UndecodableMessage("value is not a JSON object")
    return data


def _metadata(h: dict[str, str]) -> EventMetadata:
    actor = _actor(_required(h, "ce_actor"))
    optional = {name: h.get(header) for header, name in OPTIONAL_METADATA.items()}
    return EventMetadata(actor=actor, channel=_required(h, "ce_channel"), **optional)


@lru_cache(maxsize=4096)
def _actor(raw: str) -> Actor:
    """The actor of a `ce_actor` header; actors repeat, so each text is parsed once."""
    actor = _parse({"ce_actor": raw}, "ce_actor", json.loads)
    if not isinstance(actor, dict) or set(actor) != ACTOR_FIELDS:
        raise UndecodableMessage(f"ce_actor must hold exactly {sorted(ACTOR_FIELDS)}")
    if not all(isinstance(v, str) for v in actor.values()):
        raise UndecodableMessage("ce_actor fields must be strings")
    return Actor(**actor)
