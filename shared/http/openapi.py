"""The OpenAPI document every service publishes, made truthful once for all of them.

FastAPI documents errors as `application/json` with its `{detail}` validation shape and knows
nothing of the headers the kernel reads inside a route. After FastAPI has generated the document:

- every 4xx/5xx response is `application/problem+json` with the `Problem` schema, and its
  description lists the machine codes for that status: the kernel's, then the service's own
  refusals (`service_problem_codes`);
- FastAPI's `HTTPValidationError`/`ValidationError` are gone: a 422 is an `invalid-request` problem;
- every operation documents 422 (the input guard answers it on any route), when it has a
  request body 415 (a charset other than UTF-8, or a body that is not JSON where the route reads
  JSON) and 413 (a body past the operation's limit, which
  `x-max-body-bytes` states: `shared.http.body_limit`), and when it pages with `cursor` 400;
- `Idempotency-Key` is `required: true` (a POST without it is a 400);
- an operation that documents 428 declares `If-Match`: required, unless the route marks itself
  with `IF_MATCH_WHEN_EXISTS` (a new stream may be created without it, an existing one not);
- what the input guard refuses on every route is declared on every schema: a free string (no
  pattern, format or enum of its own) has a pattern without control characters (tab, LF and CR
  allowed in JSON text, none in path, query or header values), every integer lies within
  bigint, exactly (FastAPI writes bounds as floats, and 2^63−1 rounds up to 2^63), and the
  bounds pydantic leaves unconverted on an optional field (`ge`, `le`, `gt`, `lt`) become
  JSON Schema's; required text (`shared.fields.Text`, `PersonName`) holds a visible character;
- the headers a success carries are declared from the document and the access table
  (`declare_response_headers`: ETag, Location); a route states any other with `sends`.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
import pkgutil
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from fastapi.routing import APIRoute

from shared.domain.errors import DomainError
from shared.fields import INT64_MAX, INT64_MIN, INVISIBLE, VISIBLE_PATTERN
from shared.http.access import AccessTable
from shared.http.body_limit import BODY_LIMIT_MARK, MAX_BODY_BYTES
from shared.http.problems import PROBLEM_MEDIA_TYPE

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
IF_MATCH_MARK = "x-if-match"
IF_MATCH_WHEN_EXISTS: dict[str, Any] = {IF_MATCH_MARK: "when-exists"}
"""`openapi_extra=` for a route whose If-Match is needed only once the stream exists."""
IF_MATCH_OPTIONAL: dict[str, Any] = {IF_MATCH_MARK: "optional"}
"""`openapi_extra=` for a route that never needs If-Match but honours it (412 when stale)."""
IF_MATCH_UNUSED: dict[str, Any] = {IF_MATCH_MARK: "unused"}
"""`openapi_extra=` for a route sharing an error table with 428 that never reads If-Match."""

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "An RFC 9457 problem with a machine code and Chinese title and detail.",
    "type": "object",
    "required": ["type", "title", "status", "detail", "code", "title_zh", "detail_zh"],
    "properties": {
        "type": {"type": "string", "description": "URI of the problem type (ends in `code`)"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "code": {"type": "string", "description": "the machine code, e.g. `invalid-request`"},
        "title_zh": {"type": "string"},
        "detail_zh": {"type": "string"},
        "field": {"type": "string", "description": "the offending field, where there is one"},
        "correlation_id": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "errors": {
            "type": "array",
            "description": "422 `invalid-request`: each offending field (`body.members.0.name`)",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
    "additionalProperties": True,
}

_KERNEL_CODES: dict[str, tuple[str, ...]] = {
    "400": (
        "bad-request",
        "idempotency-key-required",
        "invalid-idempotency-key",
        "invalid-if-match",
        "invalid-cursor",
    ),
    "401": ("unauthenticated",),
    "403": ("forbidden", "role-not-allowed", "out-of-jurisdiction"),
    "404": ("not-found",),
    "405": ("method-not-allowed",),
    "409": ("version-conflict", "append-contended"),
    "412": ("precondition-failed",),
    "413": ("content-too-large",),
    "415": ("unsupported-charset", "unsupported-media-type"),
    "422": ("invalid-request", "invalid-value", "idempotency-key-reused"),
    "428": ("precondition-required",),
    "500": ("internal-error",),
    "503": ("not-ready", "service-unavailable"),
}
_BYTES = {"type": "string", "format": "binary"}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_IDEMPOTENCY_KEY_SCHEMA = {
    "type": "string",
    "minLength": 1,
    "maxLength": 200,
    # HTTP drops a header value's leading and trailing spaces: the key starts and ends visibly
    "pattern": "^[!-~]([ -~]*[!-~])?$",
    "description": "1 to 200 printable ASCII characters, no space at either end; a UUID works",
}
_IF_MATCH_SCHEMA = {"type": "string", "pattern": '^"[0-9]{1,18}"$', "example": '"3"'}
_BIDI = "\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069"
_TEXT_CONTROLS = f"\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{_BIDI}"
TEXT_PATTERN = f"^[^{_TEXT_CONTROLS}]*$"
"""A JSON string the input guard lets through: no control character but tab, LF and CR, and no
bidirectional control."""
VISIBLE_TEXT_PATTERN = (
    f"^[^{_TEXT_CONTROLS}]*[^\\s{INVISIBLE}{_TEXT_CONTROLS}][^{_TEXT_CONTROLS}]*$"
)
"""Required text (`shared.fields.Text`, `PersonName`) the guard lets through: as `TEXT_PATTERN`,
with at least one visible character."""
PARAMETER_PATTERN = f"^[^\\x00-\\x1f\\x7f-\\x9f{_BIDI}]*$"
"""A path, query or header value the input guard lets through: no control character at all."""
_OWN_STRING_RULE = frozenset({"pattern", "format", "enum", "const"})
_SAYS_WHAT_IT_HOLDS = frozenset(
    {"type", "$ref", "anyOf", "oneOf", "allOf", "not", "enum", "const", "properties", "items"}
)
ANY_JSON_REF = "#/components/schemas/AnyJson"
ANY_JSON_SCHEMA: dict[str, Any] = {
    "title": "AnyJson",
    "description": "Any JSON value the input guard lets through: no control character (but tab, "
    "LF, CR) in a string or key, no integer outside bigint.",
    "anyOf": [
        {"type": "null"},
        {"type": "boolean"},
        {"type": "string", "pattern": TEXT_PATTERN},
        {"type": "integer", "minimum": INT64_MIN, "maximum": INT64_MAX},
        {"type": "number", "not": {"type": "integer"}},
        {"type": "array", "items": {"$ref": ANY_JSON_REF}},
        {
            "type": "object",
            "propertyNames": {"pattern": TEXT_PATTERN},
            "additionalProperties": {"$ref": ANY_JSON_REF},
        },
    ],
}
_PYDANTIC_BOUNDS = {
    "ge": "minimum",
    "le": "maximum",
    "gt": "exclusiveMinimum",
    "lt": "exclusiveMaximum",
}


def make_truthful(
    document: dict[str, Any],
    domain_codes: Mapping[str, Sequence[str]] | None = None,
    access: AccessTable | None = None,
) -> dict[str, Any]:
    """Rewrite a FastAPI-generated document in place (see the module docstring); return it.

    `domain_codes`: status → the codes of the service's own refusals (`service_problem_codes`),
    listed after the kernel's on every response of that status. `access`: the service's access
    table, from which the response headers are declared (`declare_response_headers`)."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for path_item in document.get("paths", {}).values():
        for method in _METHODS:
            if method in path_item:
                _operation(path_item[method], domain_codes or {})
    declare_response_headers(document, access)
    declare_input_rules(document)
    name_tags(document)
    schemas["AnyJson"] = ANY_JSON_SCHEMA
    schemas["Problem"] = PROBLEM_SCHEMA  # not an input: it may quote what was refused
    return document


def operation_id(route: APIRoute) -> str:
    """A route's operationId is its function's name (`submit_application`): what a generated
    client calls it, unique within a service (tests/contract/test_operation_ids.py)."""
    return route.name


def name_tags(document: dict[str, Any]) -> None:
    """Split each tag written "english 中文" into an ASCII name, which generated clients turn
    into module names, and a description in the document's tag list, which readers see."""
    described: dict[str, str] = {}
    for path_item in document.get("paths", {}).values():
        for method in _METHODS:
            operation = path_item.get(method, {})
            if "tags" in operation:
                operation["tags"] = [_tag_name(tag, described) for tag in operation["tags"]]
    document["tags"] = [{"name": n, "description": d} for n, d in sorted(described.items())]


def _tag_name(tag: str, described: dict[str, str]) -> str:
    first_han = _HAN.search(tag)
    cut = first_han.start() if first_han else len(tag)
    english, chinese = tag[:cut].split(), tag[cut:].strip()
    name = "_".join(english).replace("-", "_")
    described[name] = f"{chinese} {' '.join(english)}".strip()
    return name


ETAG_HEADER: dict[str, Any] = {
    "description": 'The version of the resource as a strong ETag, e.g. "3": send it back as '
    "If-Match to change the resource",
    "required": True,
    "schema": {"type": "string", "pattern": '^"[0-9]{1,18}"$'},
}
LOCATION_HEADER: dict[str, Any] = {
    "description": "The path at which the new resource is read",
    "required": True,
    "schema": {"type": "string", "pattern": "^/"},
}


RESPONSE_HEADERS = {"ETag": ETAG_HEADER, "Location": LOCATION_HEADER}


def sends(status: int, *headers: str) -> dict[int | str, dict[str, Any]]:
    """A `responses=` entry for an answer carrying a header `declare_response_headers` cannot
    tell from the document and the table (an ETag on a body without `version`, a Location
    elsewhere than below the POST): `responses={**problem_responses(401), **sends(201, "ETag")}`."""
    return {status: {"headers": {name: dict(RESPONSE_HEADERS[name]) for name in headers}}}


def declare_response_headers(document: dict[str, Any], access: AccessTable | None) -> None:
    """Declare, in place, the headers the kernel's answers carry, from what the document and the
    access table say about each operation (a route's own `responses=…headers` stay as written):

    - `ETag` on a success whose JSON body carries the resource's `version` (every read and
      command answer of a versioned stream), and on every success of an operation the table
      says reads If-Match (a command answers with the new version);
    - `Location` on a 201 of a POST whose new resource the table lets one read one level below
      (POST /v1/children → GET /v1/children/{child_id})."""
    schemas = document.get("components", {}).get("schemas", {})
    items = _item_paths(access)
    for path, path_item in document.get("paths", {}).items():
        for method in _METHODS:
            operation = path_item.get(method)
            if operation is None:
                continue
            rule = access.rule(method, path) if access is not None else None
            reads_if_match = rule is not None and rule.if_match != "none"
            for status, response in operation.get("responses", {}).items():
                if not status.startswith("2"):
                    continue
                headers = response.setdefault("headers", {})
                if reads_if_match or _carries_version(response, schemas):
                    headers.setdefault("ETag", dict(ETAG_HEADER))
                if status == "201" and method == "post" and path in items:
                    headers.setdefault("Location", dict(LOCATION_HEADER))
                if not headers:
                    response.pop("headers")


def _item_paths(access: AccessTable | None) -> set[str]:
    """The collections whose members are read one by one: `/v1/children` for a GET of
    `/v1/children/{child_id}`, `/v1/standards` for `/v1/standards/{division_code}/{programme}`."""
    found = (_MEMBER.fullmatch(path) for method, path in access or {} if method == "GET")
    return {member.group(1) for member in found if member is not None}


_MEMBER = re.compile(r"(/.*?)(?:/\{[^/{}]+\})+")
"""A member's path: its collection, then one or more parameters (`/v1/standards/{d}/{p}`)."""


def _carries_version(response: dict[str, Any], schemas: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    while isinstance(schema.get("$ref"), str):
        schema = schemas.get(schema["$ref"].rsplit("/", 1)[-1], {})
    version = schema.get("properties", {}).get("version", {})
    return bool(version.get("type") == "integer")


def declare_input_rules(document: dict[str, Any]) -> None:
    """Declare, in place, what the input guard enforces, on every schema of the document: free
    strings match `TEXT_PATTERN` (a parameter's, `PARAMETER_PATTERN`), integers lie within
    bigint with exact integer bounds, and what an open object or an untyped value may hold is
    `AnyJson` (any JSON the guard lets through)."""
    for schema in document.get("components", {}).get("schemas", {}).values():
        _schema(schema, TEXT_PATTERN)
    for path_item in document.get("paths", {}).values():
        for method in _METHODS:
            operation = path_item.get(method, {})
            for parameter in operation.get("parameters", []):
                _schema(parameter.get("schema"), PARAMETER_PATTERN)
            bodies = [operation.get("requestBody", {}), *operation.get("responses", {}).values()]
            for body in bodies:
                for media in body.get("content", {}).values():
                    _schema(media.get("schema"), TEXT_PATTERN)


def _schema(schema: Any, text_pattern: str) -> None:
    if not isinstance(schema, dict):
        return
    kind = schema.get("type")
    if kind == "integer":
        _bounded_by_bigint(schema)
    elif kind == "string" and schema.get("pattern") == VISIBLE_PATTERN:
        schema["pattern"] = VISIBLE_TEXT_PATTERN
    elif kind == "string" and not _OWN_STRING_RULE & schema.keys():
        schema["pattern"] = text_pattern
    elif kind == "object" or "properties" in schema:
        schema.setdefault("propertyNames", {"pattern": TEXT_PATTERN})
        if schema.get("additionalProperties", True) is True:
            schema["additionalProperties"] = {"$ref": ANY_JSON_REF}
    elif not _SAYS_WHAT_IT_HOLDS & schema.keys():
        schema["$ref"] = ANY_JSON_REF  # `Any`: whatever JSON the guard lets through
    for key in ("items", "not", "additionalProperties", "contains"):
        _schema(schema.get(key), text_pattern)
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for item in schema.get(key, []):
            _schema(item, text_pattern)
    for key in ("properties", "patternProperties"):
        for item in schema.get(key, {}).values():
            _schema(item, text_pattern)


def _bounded_by_bigint(schema: dict[str, Any]) -> None:
    for loose, keyword in _PYDANTIC_BOUNDS.items():
        if loose in schema:
            value = schema.pop(loose)
            tighter = max if keyword.endswith("inimum") else min
            schema[keyword] = tighter(schema[keyword], value) if keyword in schema else value
    low, high = schema.get("minimum", INT64_MIN), schema.get("maximum", INT64_MAX)
    schema["minimum"] = max(INT64_MIN, math.ceil(low))
    schema["maximum"] = min(INT64_MAX, math.floor(high))
    for keyword in ("exclusiveMinimum", "exclusiveMaximum"):
        if isinstance(schema.get(keyword), float):
            schema[keyword] = int(schema[keyword])


def service_problem_codes(service: str) -> dict[str, list[str]]:
    """Status → the codes of every `DomainError` the kernel or the service defines (modules
    `shared.…` and `<service>.…`), for `make_truthful`. Every module of both packages is imported
    first, so the document does not depend on what the process happened to import before."""
    for package in ("shared", service):
        _import_every_module(package)
    codes: dict[str, set[str]] = {}
    for refusal in _subclasses(DomainError):
        if refusal.__module__.split(".")[0] in ("shared", service):
            codes.setdefault(str(refusal.status), set()).add(refusal.code)
    return {status: sorted(found) for status, found in codes.items()}


def _import_every_module(package_name: str) -> None:
    if importlib.util.find_spec(package_name) is None:  # an app built in a test, not a service
        return
    package = importlib.import_module(package_name)
    for module in pkgutil.walk_packages(package.__path__, f"{package_name}."):
        importlib.import_module(module.name)


def _subclasses(cls: type[DomainError]) -> Iterator[type[DomainError]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _operation(operation: dict[str, Any], domain_codes: Mapping[str, Sequence[str]]) -> None:
    responses = operation.setdefault("responses", {})
    responses.setdefault("422", {"description": "Unprocessable Entity"})
    if any(
        p.get("in") == "query" and p["name"] == "cursor" for p in operation.get("parameters", [])
    ):
        responses.setdefault("400", {"description": "Bad Request"})  # `invalid-cursor`
    if "requestBody" in operation:
        responses.setdefault("413", {"description": "Content Too Large"})
        responses.setdefault("415", {"description": "Unsupported Media Type"})
        operation.setdefault(BODY_LIMIT_MARK, MAX_BODY_BYTES)
    for status, response in responses.items():
        if status[:1] in ("4", "5"):
            _problem(status, response, domain_codes.get(status, ()))
        else:
            _state_files(response)
    parameters = operation.setdefault("parameters", [])
    for parameter in parameters:
        if parameter.get("in") == "header" and parameter["name"].lower() == "idempotency-key":
            parameter["required"] = True
            parameter["schema"] = dict(_IDEMPOTENCY_KEY_SCHEMA)
    mark = operation.pop(IF_MATCH_MARK, None)
    declared = any(p.get("in") == "header" and p["name"].lower() == "if-match" for p in parameters)
    if mark == "unused":
        responses.pop("428", None)
    elif ("428" in responses or mark) and not declared:
        parameters.append(_if_match(mark))
    if not parameters:
        operation.pop("parameters")


def _state_files(response: dict[str, Any]) -> None:
    """A file answer (CSV, spreadsheet, image, page) left without a schema is stated as text or
    as bytes, so a generated client reads it as what it is."""
    for media_type, media in response.get("content", {}).items():
        if not media.get("schema") and "json" not in media_type:
            textual = media_type.startswith("text/") or media_type.endswith("+xml")
            media["schema"] = {"type": "string"} if textual else _BYTES


def _problem(status: str, response: dict[str, Any], domain_codes: Sequence[str]) -> None:
    response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}}
    kernel = _KERNEL_CODES.get(status, ())
    own = [code for code in domain_codes if code not in kernel]
    description = response.get("description", "")
    if (kernel or own) and "codes:" not in description:
        listed = "; ".join(
            f"{whose}: " + ", ".join(f"`{c}`" for c in codes)
            for whose, codes in (("the kernel's", kernel), ("the service's rules", own))
            if codes
        )
        response["description"] = f"{description} (problem codes, {listed})"


def _if_match(mark: str | None) -> dict[str, Any]:
    when = {
        None: "required (428 `precondition-required` without it)",
        "when-exists": "required once the resource exists (428 without it then), not to create it",
        "optional": "optional",
    }[mark]
    return {
        "name": "If-Match",
        "in": "header",
        "required": mark is None,
        "schema": dict(_IF_MATCH_SCHEMA),
        "description": f'The ETag you read, e.g. "3": {when}; a stale one is 412.',
    }
