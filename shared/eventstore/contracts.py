"""The JSON Schemas (draft 2020-12) of a service's events: the one generator (issue #17).

A service publishes every event it stores (the relay sends its whole store, ADR 0020), so its
contract is its registry: one schema per registered type, at the type's current schema version.
Each schema's `$id` is the URI its events' `ce_dataschema` names
(`shared.messaging.cloudevents.dataschema`), where the publishing service serves it (ADR 0039).
`python -m services event-schemas` writes them to docs/events/<service>/. A test fails when the
files drift from the code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from shared.eventstore.registry import EventRegistry
from shared.messaging.cloudevents import dataschema

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def event_schema(cls: type, event_type: str, version: int) -> dict[str, Any]:
    """The schema of an event class's `data` as it is stored and published."""
    schema = TypeAdapter(cls).json_schema(mode="serialization")
    return {
        "$schema": DRAFT,
        "$id": dataschema(event_type, version),
        "title": event_type,
        "description": (cls.__doc__ or "").strip(),
        "x-schema-version": version,
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def registry_schemas(registry: EventRegistry) -> dict[str, dict[str, Any]]:
    """File name (`<type>.v<N>.json`) → schema, for every type in the registry."""
    out = {}
    for event_type in registry.type_names:
        version = registry.current_version(event_type)
        cls = registry.class_of(event_type)
        out[f"{event_type}.v{version}.json"] = event_schema(cls, event_type, version)
    return out


def render(schema: dict[str, Any]) -> str:
    """A schema file's text: stable key order, UTF-8, a trailing newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(directory: Path, schemas: dict[str, dict[str, Any]]) -> list[Path]:
    """Write the schemas to `directory`, removing the schema files no type there has any more."""
    directory.mkdir(parents=True, exist_ok=True)
    for stale in set(directory.glob("*.v*.json")) - {directory / name for name in schemas}:
        stale.unlink()
    written = []
    for file_name, schema in sorted(schemas.items()):
        path = directory / file_name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
