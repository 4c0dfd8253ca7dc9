"""AsyncAPI: every registered event type has a JSON Schema and the document is current."""

from __future__ import annotations

import pytest

from services import asyncapi
from services.composition import offline_runtimes
from services.settings import SERVICES
from shared.eventstore.registry import EventRegistry

REGENERATE = "run `python -m services asyncapi` (services.asyncapi.write()) and commit the result"


@pytest.fixture(scope="module")
def registries() -> dict[str, EventRegistry]:
    """Each service's event registry, built by its bootstrap with a config that connects nowhere."""
    return {service: runtime.registry for service, runtime in offline_runtimes().items()}


@pytest.mark.req("GEN-8")
def test_every_registered_event_type_has_a_json_schema_at_its_current_version(
    registries: dict[str, EventRegistry],
) -> None:
    # given the schemas under docs/events
    index = asyncapi.schema_index(asyncapi.load_schemas())
    # when each service's registry is compared with them
    missing = [
        f"docs/events/{service}/{name}.v{registry.current_version(name)}.json"
        for service, registry in registries.items()
        for name in registry.type_names
        if (name, registry.current_version(name)) not in index
    ]
    # then none lacks a schema, and each type is published by the service its name starts with
    assert not missing, missing
    for service, registry in registries.items():
        assert all(name.startswith(f"{service}.") for name in registry.type_names), service


def test_schemas_live_under_the_service_that_publishes_them() -> None:
    for schema in asyncapi.load_schemas():
        assert schema.type_name.startswith(f"{schema.service}."), schema.type_name
        assert schema.schema.get("type") == "object", schema.type_name


@pytest.mark.req("GEN-8")
def test_the_checked_in_asyncapi_document_is_current() -> None:
    assert asyncapi.DOCUMENT.read_text(encoding="utf-8") == asyncapi.render(), REGENERATE


def test_each_service_has_internal_events_and_dlq_channels_with_cloudevents_headers() -> None:
    document = asyncapi.build_document(asyncapi.load_schemas())
    assert document["asyncapi"] == "3.0.0"
    addresses = {c["address"] for c in document["channels"].values()}
    kinds = ("internal", "events", "dlq")
    assert addresses == {f"safetynet.{s}.{kind}" for s in SERVICES for kind in kinds}
    # the public view says it is one (ADR 0020)
    public = document["channels"]["intakeEvents"]
    assert "public view" in public["description"]
    assert "ce_safetynetview" in public["description"]
    submitted = document["components"]["messages"]["intake_ApplicationSubmitted_v1"]
    assert submitted["traits"] == [{"$ref": "#/components/messageTraits/cloudEvents"}]
    assert "ce_type" in asyncapi.CLOUDEVENTS_HEADERS["required"]


def test_the_yaml_text_reads_back_as_the_document() -> None:
    yaml = pytest.importorskip("yaml", reason="add PyYAML to the test extra")
    document = asyncapi.build_document(asyncapi.load_schemas())
    assert yaml.safe_load(asyncapi.to_yaml(document)) == document


def test_event_schemas_are_valid_draft_2020_12() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="add check-jsonschema to the test extra")
    for schema in asyncapi.load_schemas():
        jsonschema.Draft202012Validator.check_schema(schema.schema)
