"""docs/events/<service>/ holds exactly the schemas of the events each service registers, as the
one generator writes them (`python -m services event-schemas`, GEN-2, issue #17)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from services.composition import offline_runtimes
from services.event_schemas import EVENTS
from services.settings import SERVICES
from shared.eventstore.contracts import DRAFT, registry_schemas, render
from shared.messaging.cloudevents import dataschema


@cache
def generated(service: str) -> dict[str, dict[str, Any]]:
    return registry_schemas(offline_runtimes()[service].registry)


@pytest.mark.req("GEN-2")
@pytest.mark.parametrize("service", SERVICES)
def test_every_registered_event_has_its_schema_file_up_to_date(service: str) -> None:
    schemas = generated(service)
    folder = EVENTS / service
    # every file on disk, byte for byte, and nothing stale beside them
    assert {p.name for p in folder.glob("*.v*.json")} == set(schemas), (
        "python -m services event-schemas"
    )
    for name, schema in schemas.items():
        assert (folder / name).read_text(encoding="utf-8") == render(schema), name


@pytest.mark.req("GEN-2")
@pytest.mark.parametrize("service", SERVICES)
def test_a_schema_is_identified_by_the_uri_its_events_name(service: str) -> None:
    for schema in generated(service).values():
        event_type, version = schema["title"], schema["x-schema-version"]
        assert schema["$schema"] == DRAFT
        assert schema["$id"] == dataschema(event_type, version)  # what ce_dataschema says
        assert set(schema.get("required", ())) <= set(schema["properties"]), event_type
