"""JSON Schemas (draft 2020-12) of the events verification publishes, kept in docs/events/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from shared.eventstore.registry import TYPE_ATTR, VERSION_ATTR
from shared.eventstore.sealing import store_digest_event
from shared.workcalendar.year import calendar_events
from verification.domain.events import PUBLISHED

DOCS = Path(__file__).resolve().parent.parent / "docs" / "events" / "verification"


def schema_of(cls: type) -> dict[str, Any]:
    """The event's data schema, named by its stable type and version."""
    name, version = getattr(cls, TYPE_ATTR), getattr(cls, VERSION_ATTR)
    schema = TypeAdapter(cls).json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://safetynet.example/events/verification/{name}.v{version}.json",
        **schema,
        "title": name,
        "x-schema-version": version,
    }


def schemas() -> dict[str, dict[str, Any]]:
    """File name → schema of every published event (what the service serves, ADR 0039)."""
    return {name: json.loads(text) for name, text in expected_files().items()}


def expected_files() -> dict[str, str]:
    """File name → content of every published event's schema."""
    files = {}
    published = (*PUBLISHED, *calendar_events("verification"), store_digest_event("verification"))
    for cls in published:
        name, version = getattr(cls, TYPE_ATTR), getattr(cls, VERSION_ATTR)
        text = json.dumps(schema_of(cls), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        files[f"{name}.v{version}.json"] = text
    return files


def write() -> None:
    """Regenerate docs/events/verification/ (python -m verification.contracts)."""
    DOCS.mkdir(parents=True, exist_ok=True)
    for file_name, text in expected_files().items():
        (DOCS / file_name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write()
