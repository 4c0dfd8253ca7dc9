"""The JSON Schemas (draft 2020-12) of the events intake publishes, as kept in docs/events/intake/.

`python -m intake.contracts` rewrites the files; a unit test fails when they drift from the code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from intake.bootstrap import register_all_events
from shared.eventstore.registry import EventRegistry
from shared.eventstore.sealing import register_store_digest

DOCS = Path(__file__).resolve().parents[1] / "docs" / "events" / "intake"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schemas() -> dict[str, dict[str, Any]]:
    """File name → JSON Schema of every registered intake event type."""
    registry = EventRegistry()
    register_all_events(registry)
    register_store_digest("intake", registry)
    out: dict[str, dict[str, Any]] = {}
    for name in registry.type_names:
        version = registry.current_version(name)
        schema = TypeAdapter(registry.class_of(name)).json_schema(mode="serialization")
        out[f"{name}.v{version}.json"] = {
            "$schema": DRAFT,
            "$id": f"https://safetynet.gansu.gov.cn/events/{name}/v{version}",
            "title": name,
            "x-schema-version": version,
            **schema,
        }
    return out


def render(schema: dict[str, Any]) -> str:
    """The file text of a schema (stable key order, UTF-8, trailing newline)."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write() -> list[Path]:
    """Rewrite docs/events/intake/ from the code."""
    DOCS.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, schema in schemas().items():
        path = DOCS / file_name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write():
        print(path)
