"""Every request body of the four documents shows one realistic example, and the example is one
the API takes (issue #18, "the spec is enough"): valid against the body's schema as the document
states it (what a reader or a client generator sees) and against the body's model as the route
validates it (what the service runs, cross-field rules and resident ID check characters
included)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from jsonschema import Draft202012Validator, FormatChecker

from services.composition import offline_runtimes
from services.settings import SERVICES
from shared.identity import RESIDENT_ID_FORMAT, InvalidResidentId, validate_resident_id

METHODS = ("get", "put", "post", "delete", "patch")
FORMATS = FormatChecker()


@FORMATS.checks(RESIDENT_ID_FORMAT, raises=InvalidResidentId)
def _is_resident_id(value: object) -> bool:
    """GB 11643 (length, digits, birth date, check character): the format the document names."""
    if isinstance(value, str):
        validate_resident_id(value)
    return True


@pytest.fixture(scope="module")
def apps() -> dict[str, FastAPI]:
    return {name: runtime.app for name, runtime in offline_runtimes().items()}


def request_bodies(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], list[Any]]]:
    """Each JSON request body as ("POST /v1/…", its schema, its examples): those of the media
    type (`example`, `examples`) and those of the schema, a `$ref` followed."""
    for path, item in document["paths"].items():
        for method in METHODS:
            body = item.get(method, {}).get("requestBody")
            for media_type, media in (body or {}).get("content", {}).items():
                if "json" not in media_type:
                    continue
                schema = media.get("schema", {})
                examples = [e["value"] for e in media.get("examples", {}).values() if "value" in e]
                examples += [media["example"]] if "example" in media else []
                examples += _resolved(document, schema).get("examples", [])
                yield f"{method.upper()} {path}", schema, examples


def _resolved(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The schema a local `$ref` (#/components/…) points to, else the schema itself."""
    reference = schema.get("$ref")
    if not isinstance(reference, str) or not reference.startswith("#/"):
        return schema
    target: Any = document
    for step in reference[2:].split("/"):
        target = target[step.replace("~1", "/").replace("~0", "~")]
    return _resolved(document, target)


def schema_errors(document: dict[str, Any], schema: dict[str, Any], example: Any) -> list[str]:
    """Where the example breaks the documented schema (formats asserted, `$ref`s resolved
    against the document's components)."""
    root = {**schema, "components": document.get("components", {})}
    validator = Draft202012Validator(root, format_checker=FORMATS)
    return [
        f"schema: {'/'.join(map(str, error.absolute_path)) or '(body)'}: {error.message}"
        for error in validator.iter_errors(example)
    ]


def body_routes(app: FastAPI) -> dict[str, APIRoute]:
    """Each route that reads a body, by its operation ("POST /v1/…")."""
    return {
        f"{method} {context.path_format}": context.route
        for context in iter_route_contexts(app.routes)
        if isinstance(context.route, APIRoute) and context.route.body_field is not None
        for method in context.route.methods or ()
    }


def model_errors(route: APIRoute, example: Any) -> list[str]:
    """Where the route's own validation of its body refuses the example."""
    assert route.body_field is not None
    _, errors = route.body_field.validate(example, {}, loc=("body",))
    return [f"model: {'/'.join(map(str, e['loc']))}: {e['msg']}" for e in errors]


@pytest.mark.parametrize("service", SERVICES)
def test_every_request_body_shows_an_example(apps: dict[str, FastAPI], service: str) -> None:
    """Given a service's OpenAPI document,
    when each operation's JSON request body is read,
    then each shows at least one example, on its media type or on its schema."""
    document = apps[service].openapi()
    without = [name for name, _, examples in request_bodies(document) if not examples]
    assert not without, f"{service}: request bodies without an example: {without}"


@pytest.mark.parametrize("service", SERVICES)
def test_every_request_example_is_one_the_api_takes(apps: dict[str, FastAPI], service: str) -> None:
    """Given a service's OpenAPI document and its routes,
    when each request body's examples are validated against the documented schema and against
    the model the route validates its body with,
    then neither refuses any of them."""
    app = apps[service]
    document = app.openapi()
    routes = body_routes(app)
    refused = [
        f"{name} example {number}: {problem}"
        for name, schema, examples in request_bodies(document)
        for number, example in enumerate(examples, start=1)
        for problem in [
            *schema_errors(document, schema, example),
            *model_errors(routes[name], example),
        ]
    ]
    assert not refused, f"{service}: examples the API would refuse:\n" + "\n".join(refused)


# rows of another service's event log, exported by hand: columns the check does not read may come
OPEN_ON_PURPOSE = frozenset({"SourceEvent"})


def open_objects(document: dict[str, Any], schema: dict[str, Any], seen: set[str]) -> set[str]:
    """The component schemas reachable from `schema` that take properties they do not name."""
    found: set[str] = set()
    reference = schema.get("$ref")
    if isinstance(reference, str):
        name = reference.rsplit("/", 1)[-1]
        if name in seen:
            return found
        seen.add(name)
        target = _resolved(document, schema)
        if target.get("type") == "object" and target.get("additionalProperties") is not False:
            found.add(name)
        return found | open_objects(document, target, seen)
    for value in schema.values():
        for part in value if isinstance(value, list) else [value]:
            if isinstance(part, dict):
                found |= open_objects(document, part, seen)
    return found


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize("service", SERVICES)
def test_every_request_body_refuses_fields_it_does_not_name(
    apps: dict[str, FastAPI], service: str
) -> None:
    """Given a service's OpenAPI document,
    when each request body's schema is followed through its components,
    then every object in it refuses properties it does not name: a misspelt field (a decision's
    `effective_form`) is a 422 naming it, not a decision taken without it."""
    document = apps[service].openapi()
    seen: set[str] = set()
    found: set[str] = set()
    for _, schema, _ in request_bodies(document):
        found |= open_objects(document, schema, seen)
    assert not found - OPEN_ON_PURPOSE, f"{service}: bodies that take any field: {sorted(found)}"
