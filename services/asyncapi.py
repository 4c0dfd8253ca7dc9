"""AsyncAPI 3.0 document of every SafetyNet topic, built from the JSON Schemas in docs/events."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.settings import PROJECT_ROOT, SERVICES
from shared.messaging.topics import dlq_topic, events_topic, internal_topic

EVENTS_DIR = PROJECT_ROOT / "docs" / "events"
DOCUMENT = PROJECT_ROOT / "docs" / "asyncapi.yaml"
_SCHEMA_FILE = re.compile(r"^(?P<type>.+)\.v(?P<version>\d+)\.json$")
_COMPACT_ITEM = re.compile(r"^( *)-\n\1  ", re.MULTILINE)  # "-" then a mapping: one line
_PLAIN_KEY = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$.\-]*$")
CLOUDEVENTS_HEADERS: dict[str, Any] = {
    "type": "object",
    "description": "CloudEvents 1.0 binary mode: the envelope travels as Kafka headers.",
    "required": ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject"],
    "properties": {
        "ce_specversion": {"type": "string", "const": "1.0"},
        "ce_id": {"type": "string", "format": "uuid", "description": "the event id"},
        "ce_source": {"type": "string", "description": "/safetynet/<service>"},
        "ce_type": {"type": "string", "description": "stable type name service.PastTense"},
        "ce_time": {"type": "string", "format": "date-time"},
        "ce_subject": {"type": "string", "description": "the stream id"},
        "ce_dataschema": {"type": "string", "format": "uri"},
        "ce_caseid": {"type": "string", "description": "the case id (also the Kafka key)"},
        "ce_reason": {"type": "string"},
        "ce_correlationid": {"type": "string"},
        "ce_causationid": {"type": "string"},
        "ce_schemaversion": {"type": "string", "description": "schema version of the data"},
        "ce_streamid": {"type": "string"},
        "ce_streamversion": {"type": "string"},
        "ce_position": {"type": "string", "description": "position in the publisher's store"},
        "ce_recordedat": {"type": "string", "format": "date-time"},
        "ce_actor": {"type": "string", "description": "JSON: id, role, org, division"},
        "ce_channel": {"type": "string"},
        "ce_prevhash": {"type": "string", "description": "hash chain link (SUP-1)"},
        "ce_hash": {"type": "string"},
        "ce_brokerepoch": {"type": "string", "description": "relay epoch (ADR 0003)"},
        "content-type": {"type": "string", "const": "application/json"},
    },
}


@dataclass(frozen=True)
class EventSchema:
    """One published event type at one schema version, with its JSON Schema."""

    service: str
    type_name: str
    version: int
    schema: dict[str, Any]

    @property
    def message_id(self) -> str:
        """The AsyncAPI message key: `service.Type.vN` with dots turned into underscores."""
        return f"{self.type_name}.v{self.version}".replace(".", "_")


def load_schemas(events_dir: Path = EVENTS_DIR) -> list[EventSchema]:
    """Every `docs/events/<service>/<[service.]Type>.v<N>.json`, sorted by type and version."""
    found = []
    for path in sorted(events_dir.glob("*/*.json")):
        match = _SCHEMA_FILE.match(path.name)
        if match is None:
            continue
        service = path.parent.name
        name = match["type"] if "." in match["type"] else f"{service}.{match['type']}"
        schema = json.loads(path.read_text(encoding="utf-8"))
        found.append(EventSchema(service, name, int(match["version"]), schema))
    return sorted(found, key=lambda s: (s.type_name, s.version))


def schema_index(schemas: Iterable[EventSchema]) -> dict[tuple[str, int], EventSchema]:
    """The schemas by (type name, version)."""
    return {(s.type_name, s.version): s for s in schemas}


def build_document(schemas: Iterable[EventSchema], version: str = "0.1.0") -> dict[str, Any]:
    """The AsyncAPI 3.0 document: an events and a dlq channel per service, one message per type."""
    schemas = list(schemas)
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for service in SERVICES:
        own = [s for s in schemas if s.service == service]
        refs = {s.message_id: {"$ref": f"#/components/messages/{s.message_id}"} for s in own}
        channels[f"{service}Internal"] = _channel(
            internal_topic(service), service, refs, "internal"
        )
        channels[f"{service}Events"] = _channel(events_topic(service), service, refs, "public")
        channels[f"{service}Dlq"] = _channel(dlq_topic(service), service, refs, "dlq")
        for kind in ("Internal", "Events"):
            name = f"{service}{kind}"
            operations[f"publish{service.capitalize()}{kind}"] = _operation(name, refs)
        messages |= {s.message_id: _message(s) for s in own}
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "SafetyNet events",
            "version": version,
            "description": "Every topic of SafetyNet; generated by `python -m services asyncapi`.",
        },
        "defaultContentType": "application/json",
        "channels": channels,
        "operations": operations,
        "components": {
            "messages": messages,
            "messageTraits": {"cloudEvents": {"headers": CLOUDEVENTS_HEADERS}},
        },
    }


_CHANNEL_TEXT = {
    "internal": "The events of {service} exactly as stored (personal data included), for"
    " SafetyNet's own consumers only: no other reader is granted this topic (ADR 0020).",
    "public": "The public view of the events of {service}, for the provincial integration bus"
    " (ADR 0020): resident IDs are keyed pseudonyms (`pid_…`), bank accounts keep their last 4"
    " digits, names, phones and addresses are masked, health, disability and complainant fields"
    " are absent; each record carries `ce_safetynetview: public`, a `ce_dataschema` ending in"
    " `.public.json` and no `ce_hash`/`ce_prevhash`. The payload schemas below describe the"
    " stored events; masked values keep their field and type, dropped fields are missing.",
    "dlq": "The dead-lettered messages of {service}'s consumers.",
}


def _channel(topic: str, service: str, refs: Mapping[str, Any], kind: str) -> dict[str, Any]:
    what = _CHANNEL_TEXT[kind].format(service=service)
    return {
        "address": topic,
        "title": topic,
        "description": f"{what} Kafka key = case id (ADR 0004).",
        "messages": dict(refs),
        "bindings": {"kafka": {"topic": topic, "partitions": 6, "replicas": 3}},
    }


def _operation(channel: str, refs: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "action": "send",
        "channel": {"$ref": f"#/channels/{channel}"},
        "messages": [{"$ref": f"#/channels/{channel}/messages/{key}"} for key in refs],
    }


def _message(schema: EventSchema) -> dict[str, Any]:
    return {
        "name": schema.type_name,
        "title": f"{schema.type_name} v{schema.version}",
        "summary": str(schema.schema.get("description", "")),
        "contentType": "application/json",
        "traits": [{"$ref": "#/components/messageTraits/cloudEvents"}],
        "payload": {
            "schemaFormat": "application/schema+json;version=draft-2020-12",
            "schema": schema.schema,
        },
    }


def to_yaml(value: Any, indent: int = 0) -> str:
    """Block-style YAML of JSON-like data; strings are JSON-quoted (valid YAML double quotes)."""
    text = "".join(_yaml_lines(value, indent)) or "{}\n"
    return _COMPACT_ITEM.sub(lambda m: f"{m.group(1)}- ", text)


def _yaml_lines(value: Any, indent: int) -> Iterable[str]:
    pad = " " * indent
    if isinstance(value, Mapping):
        for key, item in value.items():
            label = key if _PLAIN_KEY.match(str(key)) else json.dumps(str(key))
            yield from _entry(f"{pad}{label}:", item, indent)
    elif isinstance(value, list):
        for item in value:
            yield from _entry(f"{pad}-", item, indent)


def _entry(prefix: str, item: Any, indent: int) -> Iterable[str]:
    if isinstance(item, Mapping | list) and item:
        yield prefix + "\n"
        yield from _yaml_lines(item, indent + 2)
    else:
        yield f"{prefix} {_scalar(item)}\n"


def _scalar(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return json.dumps(value, ensure_ascii=False)


def render(events_dir: Path = EVENTS_DIR) -> str:
    """The AsyncAPI document as YAML text."""
    header = "# Generated from docs/events by `python -m services asyncapi`; do not edit.\n"
    return header + to_yaml(build_document(load_schemas(events_dir)))


def write(path: Path = DOCUMENT, events_dir: Path = EVENTS_DIR) -> Path:
    """Regenerate docs/asyncapi.yaml; returns its path."""
    path.write_text(render(events_dir), encoding="utf-8")
    return path
