"""The JSON Schemas (draft 2020-12) of the events supervision publishes, for docs/events/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from shared.eventstore.registry import EventRegistry, type_name_of
from shared.eventstore.sealing import register_store_digest
from shared.workcalendar.year import register_calendar_events
from supervision.domain import (
    alerts,
    capacity,
    complaint,
    coordination,
    digest,
    implementation,
    inspection,
    institution,
    policy_book,
    subscription,
)

DOCS = Path(__file__).resolve().parent.parent / "docs" / "events" / "supervision"


def published_registry() -> EventRegistry:
    """A registry of every event type supervision publishes."""
    registry = EventRegistry()
    digest.register_events(registry)
    complaint.register_events(registry)
    alerts.register_events(registry)
    inspection.register_events(registry)
    institution.register_events(registry)
    coordination.register_events(registry)
    capacity.register_events(registry)
    implementation.register_events(registry)
    policy_book.register_events(registry)
    subscription.register_events(registry)
    register_calendar_events("supervision", registry)
    register_store_digest("supervision", registry)
    return registry


def event_schemas() -> dict[str, dict[str, Any]]:
    """File name → JSON Schema of the event's `data`, one per published type and version."""
    registry = published_registry()
    schemas = {}
    for name in registry.type_names:
        cls = registry.class_of(name)
        version = registry.current_version(name)
        schema = TypeAdapter(cls).json_schema(mode="serialization")
        schemas[f"{name}.v{version}.json"] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://safetynet.gansu.gov.cn/events/supervision/{name}.v{version}.json",
            **schema,
            "title": type_name_of(cls),
            "x-schema-version": version,
        }
    return schemas


def write_schemas(directory: Path = DOCS) -> list[Path]:
    """Write every schema (ops: `python -m supervision.contracts`)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, schema in event_schemas().items():
        path = directory / filename
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_schemas():
        print(path)
