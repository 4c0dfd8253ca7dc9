"""JSON Schemas (draft 2020-12) of payments' published events, as kept in docs/events/payments/."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from payments.domain.events import EVENT_CLASSES
from shared.eventstore.registry import TYPE_ATTR, VERSION_ATTR
from shared.eventstore.sealing import store_digest_event

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_of(cls: type) -> dict[str, Any]:
    """The event data's JSON Schema: money in integer fen, dates as ISO dates."""
    name, version = getattr(cls, TYPE_ATTR), getattr(cls, VERSION_ATTR)
    schema = TypeAdapter(cls).json_schema(mode="serialization")
    return {
        "$schema": DIALECT,
        "$id": f"https://safetynet.gansu.gov.cn/events/{name}.v{version}.json",
        "title": name,
        "description": (cls.__doc__ or "").strip(),
        "x-schema-version": version,
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def schemas() -> dict[str, dict[str, Any]]:
    """File name → schema for every published event type."""
    return {
        f"{getattr(c, TYPE_ATTR)}.v{getattr(c, VERSION_ATTR)}.json": schema_of(c)
        for c in (*EVENT_CLASSES, store_digest_event("payments"))
    }


if __name__ == "__main__":  # python -m payments.domain.schemas <dir>: write the files
    import json
    import sys
    from pathlib import Path

    target = Path(sys.argv[1])
    for file_name, schema in schemas().items():
        text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        (target / file_name).write_text(text, encoding="utf-8")
