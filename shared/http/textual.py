"""Where the published document says text, a JSON number is refused (no Unix times for dates); where
it says a boolean, only true or false is taken.

Pydantic's lax mode reads `"planned_on": 0` as 1970-01-01 and `"recorded_at": 1.5e9` as an instant,
while the OpenAPI document every service publishes says those fields are strings (`format: date`,
`date-time`). `refuse_mistyped_values`, an app-wide dependency after the access check, walks a
JSON body along the operation's request schema in that document and refuses, with the usual 422
`invalid-request` naming the field, a number or a boolean wherever the schema admits nothing but a
string, and anything but true or false where it admits only a boolean. Plain `str` fields refuse
numbers in pydantic already; this holds every date, time and instant of every route to the same
rule without touching their models. Where the schema is ambiguous (a union of objects, no schema at
all) the value is left to the model's own validation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError

from shared.http.guard import is_json
from shared.jsontext import parse_json

TEXT_MESSAGE = "this value is text (a JSON string, e.g. an ISO 8601 date), not a number"
BOOLEAN_MESSAGE = "this value is true or false (a JSON boolean), not a number or text"
_BODY_METHODS = {"POST", "PUT", "PATCH"}
Schema = dict[str, Any]


async def refuse_mistyped_values(request: Request) -> None:
    """App-wide dependency: 422 for a JSON number or boolean where the document says string."""
    if request.method not in _BODY_METHODS or not is_json(request.headers.get("content-type", "")):
        return  # a body not read as JSON is the model's to refuse, and unchecked by the guard
    schema = _request_schema(request)
    if schema is None:
        return
    try:
        body = parse_json(await request.body())
    except ValueError:  # not JSON: the route's own parsing reports it
        return
    components = request.app.openapi().get("components", {}).get("schemas", {})
    errors = [
        {"loc": tuple(where), "msg": message, "type": kind}
        for where, message, kind in _mistyped(body, schema, components, ["body"])
    ]
    if errors:
        raise RequestValidationError(errors)


def _request_schema(request: Request) -> Schema | None:
    path = getattr(request.scope.get("route"), "path_format", None)
    operation = request.app.openapi().get("paths", {}).get(path, {}).get(request.method.lower())
    content = (operation or {}).get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    return schema if isinstance(schema, dict) else None


def _mistyped(
    value: Any, schema: Schema, components: dict[str, Schema], where: list[str]
) -> Iterator[tuple[list[str], str, str]]:
    """Where a value is of a JSON type the document does not admit there: a number or boolean
    for text, anything but true or false for a boolean (pydantic's lax mode takes 0 and "yes")."""
    schema = _resolved(schema, components)
    branches = _branches(schema, components)
    if isinstance(value, (bool, int, float)) and _only(branches, "string"):
        yield where, TEXT_MESSAGE, "text_expected"
    elif value is not None and not isinstance(value, bool) and _only(branches, "boolean"):
        yield where, BOOLEAN_MESSAGE, "boolean_expected"
    elif isinstance(value, dict) and (target := _the_object(schema, components)) is not None:
        for key, item in value.items():
            inner = _property(target, key)
            if inner is not None:
                yield from _mistyped(item, inner, components, [*where, str(key)])
    elif isinstance(value, list) and (items := _the_array(schema, components)) is not None:
        for index, item in enumerate(value):
            yield from _mistyped(item, items, components, [*where, str(index)])


def _resolved(schema: Schema, components: dict[str, Schema]) -> Schema:
    while isinstance(schema.get("$ref"), str):
        schema = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
    return schema


def _branches(schema: Schema, components: dict[str, Schema]) -> list[Schema]:
    union = schema.get("anyOf") or schema.get("oneOf")
    if not union:
        return [schema]
    return [_resolved(branch, components) for branch in union]


def _only(branches: list[Schema], kind: str) -> bool:
    """Every branch of that JSON type (or null): the document leaves no room for another."""
    kinds = {branch.get("type") for branch in branches}
    return kind in kinds and kinds <= {kind, "null"}


def _the_object(schema: Schema, components: dict[str, Schema]) -> Schema | None:
    objects = [
        branch
        for branch in _branches(schema, components)
        if "properties" in branch or branch.get("type") == "object"
    ]
    return objects[0] if len(objects) == 1 else None


def _the_array(schema: Schema, components: dict[str, Schema]) -> Schema | None:
    arrays = [b for b in _branches(schema, components) if isinstance(b.get("items"), dict)]
    return arrays[0]["items"] if len(arrays) == 1 else None


def _property(schema: Schema, key: str) -> Schema | None:
    found = schema.get("properties", {}).get(key, schema.get("additionalProperties"))
    return found if isinstance(found, dict) else None
