"""The OpenAPI document every service publishes, made truthful once for all of them.

FastAPI documents errors as `application/json` with its `{detail}` validation shape and knows
nothing of the headers the kernel reads inside a route. After FastAPI has generated the document:

- every 4xx/5xx response is `application/problem+json` with the `Problem` schema, and its
  description lists the kernel's machine codes for that status;
- FastAPI's `HTTPValidationError`/`ValidationError` are gone: a 422 is an `invalid-request` problem;
- every operation documents 422 (the input guard answers it on any route), when it has a
  request body 415 (a charset other than UTF-8), and when it pages with `cursor` 400;
- `Idempotency-Key` is `required: true` (a POST without it is a 400);
- an operation that documents 428 declares `If-Match`: required, unless the route marks itself
  with `IF_MATCH_WHEN_EXISTS` (a new stream may be created without it, an existing one not).
"""

from __future__ import annotations

from typing import Any

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
    "400": ("bad-request", "idempotency-key-required", "invalid-idempotency-key",
            "invalid-if-match", "invalid-cursor"),
    "401": ("unauthenticated",),
    "403": ("forbidden", "role-not-allowed", "out-of-jurisdiction"),
    "404": ("not-found",),
    "405": ("method-not-allowed",),
    "409": ("version-conflict", "append-contended"),
    "412": ("precondition-failed",),
    "415": ("unsupported-charset",),
    "422": ("invalid-request", "invalid-value", "idempotency-key-reused"),
    "428": ("precondition-required",),
    "500": ("internal-error",),
    "503": ("not-ready", "service-unavailable"),
}  # fmt: skip
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_IDEMPOTENCY_KEY_SCHEMA = {
    "type": "string",
    "minLength": 1,
    "maxLength": 200,
    "pattern": "^[ -~]+$",
    "description": "1 to 200 printable ASCII characters; a UUID works",
}
_IF_MATCH_SCHEMA = {"type": "string", "pattern": '^"[0-9]{1,18}"$', "example": '"3"'}


def make_truthful(document: dict[str, Any]) -> dict[str, Any]:
    """Rewrite a FastAPI-generated document in place (see the module docstring); return it."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    schemas["Problem"] = PROBLEM_SCHEMA
    for path_item in document.get("paths", {}).values():
        for method in _METHODS:
            if method in path_item:
                _operation(path_item[method])
    return document


def _operation(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    responses.setdefault("422", {"description": "Unprocessable Entity"})
    if any(
        p.get("in") == "query" and p["name"] == "cursor" for p in operation.get("parameters", [])
    ):
        responses.setdefault("400", {"description": "Bad Request"})  # `invalid-cursor`
    if "requestBody" in operation:
        responses.setdefault("415", {"description": "Unsupported Media Type"})
    for status, response in responses.items():
        if status[:1] in ("4", "5"):
            _problem(status, response)
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


def _problem(status: str, response: dict[str, Any]) -> None:
    response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}}
    codes = _KERNEL_CODES.get(status)
    description = response.get("description", "")
    if codes and "codes:" not in description:
        listed = ", ".join(f"`{c}`" for c in codes)
        response["description"] = f"{description} (problem codes: {listed}, or a domain code)"


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
