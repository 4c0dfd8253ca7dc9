"""Hostile input stops at the door: control characters, oversized integers, foreign charsets.

One ASGI middleware, inside the correlation and metrics middleware and before routing, refuses:

- a request body whose Content-Type names a charset other than UTF-8 (415);
- a request body that is not JSON (`application/json`, `…+json`) sent to a route that reads its
  body as JSON (415 `unsupported-media-type` naming `header.content-type`; a body with no
  Content-Type at all included): the route would otherwise read it as bytes or guess, and answer
  422 or 400 as if the JSON were wrong. Routes that read their body raw (uploads) or as a form
  keep their own media types. Malformed JSON stays the route's 400/422;
- NUL and the other control characters (C0, DEL, C1), lone surrogates and bidirectional controls
  (U+200E/F, U+202A–E, U+2066–9) in any query name or
  value, and in any JSON string or key except tab, LF and CR (422);
- a JSON integer outside PostgreSQL's bigint (−2^63 … 2^63−1) anywhere in a JSON body (422);
- a JSON body nested deeper than `MAX_JSON_DEPTH` arrays and objects (422): no request document
  comes near it, and every reader after this one (the route's parsing, the models, the checks of
  `shared.http.textual`) may then recurse without reaching the interpreter's limit.

Path parameters and the types of all parameters are only known once routed, so an app-wide
dependency (`refuse_hostile_parameters`) that runs before any other, authentication included,
refuses control characters in path values and, for a parameter the route reads as an integer,
a value outside bigint (a path or query string is not JSON: the middleware cannot tell `year`
from `division`).
Each 422 is the usual `invalid-request` problem naming the field (`path.case_id`,
`query.cursor`, `body.members.0.name`). Nothing reaches a route, so nothing is written or
audited with a value PostgreSQL would refuse. The backstop for what still gets through is in
`shared.http.problems`: a driver data error (SQLSTATE class 22) is a 422, never a 500.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.fields import INT64_MAX, INT64_MIN
from shared.http.problems import invalid_request_response, problem_response
from shared.jsontext import NestedTooDeeply, parse_json

_BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"  # direction marks, embeddings, overrides
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{_BIDI}]")
"""Refused in path and query: every C0/C1 control, DEL, lone surrogates and the bidirectional
controls that make text read otherwise than it is stored (a payee's name in a bank file)."""
_CONTROL_IN_TEXT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_BIDI}]")
"""Refused in JSON strings: the same, except tab, line feed and carriage return."""
_UTF8 = {"utf-8", "utf8"}
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CONTROL_MESSAGE = "control characters (such as NUL) are not allowed"
INT64_MESSAGE = "integers must lie between -2^63 and 2^63-1"
MAX_JSON_DEPTH = 32
DEPTH_MESSAGE = f"JSON may nest at most {MAX_JSON_DEPTH} arrays and objects deep"


class InputGuardMiddleware:
    """Refuses hostile path, query and JSON input with 415/422 problems before any route runs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the charset, path and query; buffer and check a JSON body; then pass it on."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        content_type = _header(scope, b"content-type")
        charset = _charset(content_type)
        if charset is not None and charset not in _UTF8 and scope["method"] in _BODY_METHODS:
            await _unsupported_charset(charset, path)(scope, receive, send)
            return
        errors = _query_errors(scope)
        if errors:
            await invalid_request_response(path, errors)(scope, receive, send)
            return
        if (
            scope["method"] in _BODY_METHODS
            and not _plain_json(content_type)
            and _has_body(scope)
            and _reads_json(scope, content_type)
        ):
            await _unsupported_media_type(content_type, path)(scope, receive, send)
            return
        if not is_json(content_type) or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        body, more = await _read_body(receive)
        if not _utf8(body):
            await _not_utf8(path)(scope, receive, send)
            return
        errors = _body_errors(body)
        if errors:
            await invalid_request_response(path, errors)(scope, receive, send)
            return
        await self.app(scope, _replay(body, more, receive), send)


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return ""


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return None


def is_json(content_type: str) -> bool:
    """True for a media type the routes read as JSON (`application/json`, `…+json`): the bodies
    this guard checks, and the only ones any later check of a body may read."""
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def _plain_json(content_type: str) -> bool:
    """`application/json`: what every JSON route reads. Another `…+json` type (merge patch, a
    problem) is read only by an operation that documents it (`_reads_json`)."""
    return content_type.split(";", 1)[0].strip().lower() == "application/json"


def _utf8(body: bytes) -> bool:
    """True for UTF-8 text (a UTF-16 body, with or without a byte-order mark, is not)."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _not_utf8(path: str) -> JSONResponse:
    return problem_response(
        415,
        "unsupported-charset",
        "Unsupported charset",
        "不支持的字符集",
        "request bodies are UTF-8 JSON; this body is not UTF-8 (UTF-16, say, or Latin-1 bytes)",
        "请求体须为 UTF-8 编码的 JSON，该请求体不是 UTF-8 编码",
        path,
        field="body",
    )


def _unsupported_charset(charset: str, path: str) -> JSONResponse:
    return problem_response(
        415,
        "unsupported-charset",
        "Unsupported charset",
        "不支持的字符集",
        f"request bodies are UTF-8 JSON; charset {charset[:40]!r} is not accepted",
        f"请求体须为 UTF-8 编码的 JSON，不接受字符集“{charset[:40]}”",
        path,
        charset=charset[:40],
        field="header.content-type",
    )


def _has_body(scope: Scope) -> bool:
    """True when the request announces a body: a non-zero Content-Length, or a chunked one."""
    length = _header(scope, b"content-length").strip()
    return (length not in ("", "0")) or bool(_header(scope, b"transfer-encoding"))


def _reads_json(scope: Scope, content_type: str) -> bool:
    """True when the operation the request goes to documents a JSON body (a model or `Body`) and
    not the request's media type: routing has not run yet, so the published document is read
    (only for a body that is not JSON; JSON requests never come here)."""
    media = content_type.split(";", 1)[0].strip().lower()
    for pattern, operations in _body_operations(scope.get("app")):
        if pattern.fullmatch(scope.get("path", "")):
            documented = operations.get(scope["method"])
            if documented is not None:
                return any(is_json(t) for t in documented) and media not in documented
    return False


def _body_operations(app: Any) -> list[tuple[re.Pattern[str], dict[str, frozenset[str]]]]:
    """Each documented path as a pattern, literal paths first, with the media types each method's
    request body documents (made once per app, from its cached OpenAPI document)."""
    state = getattr(app, "state", None)
    if state is None or not callable(getattr(app, "openapi", None)):
        return []
    found: list[tuple[re.Pattern[str], dict[str, frozenset[str]]]] | None = getattr(
        state, "body_operations", None
    )
    if found is None:
        found = []
        for path, item in sorted(
            app.openapi().get("paths", {}).items(), key=lambda p: (p[0].count("{"), p[0])
        ):
            operations = {
                method.upper(): frozenset(t.lower() for t in op["requestBody"].get("content", {}))
                for method, op in item.items()
                if isinstance(op, dict) and "requestBody" in op
            }
            if operations:
                found.append((re.compile(_PARAMETER.sub("[^/]+", re.escape(path))), operations))
        state.body_operations = found
    return found


_PARAMETER = re.compile(r"\\\{[^/]*?\\\}")
"""A path parameter (`{case_id}`) as `re.escape` writes it."""


def _unsupported_media_type(content_type: str, path: str) -> JSONResponse:
    media = content_type.split(";", 1)[0].strip()[:80]
    return problem_response(
        415,
        "unsupported-media-type",
        "Unsupported Media Type",
        "不支持的媒体类型",
        f"this operation reads a JSON body (Content-Type: application/json); "
        f"{media or 'no Content-Type'!r} is not accepted",
        f"该操作的请求体须为 JSON（application/json），不接受“{media or '未声明类型'}”",
        path,
        field="header.content-type",
    )


def _error(field: str, message: str) -> dict[str, str]:
    return {"field": field, "message": message}


async def refuse_hostile_parameters(request: Request) -> None:
    """App-wide dependency (it runs before every other one, authentication included): a path
    parameter holding a control character, or an integer parameter outside bigint, is a 422
    naming it, e.g. `path.case_id`, `query.year`."""
    errors = [
        {"loc": ("path", name), "msg": CONTROL_MESSAGE, "type": "control_character"}
        for name, value in request.path_params.items()
        if isinstance(value, str) and _CONTROL.search(value)
    ]
    route = request.scope.get("route")
    if isinstance(route, APIRoute):
        errors += [
            {"loc": (where, name), "msg": INT64_MESSAGE, "type": "int64"}
            for where, name in _integer_parameters(route)
            if any(_beyond_bigint(value) for value in _values(request, where, name))
        ]
    if errors:
        raise RequestValidationError(errors)


def _integer_parameters(route: APIRoute) -> tuple[tuple[str, str], ...]:
    """(`path` or `query`, name) of every parameter the route or its dependencies read as int."""
    found: list[tuple[str, str]] = []
    dependants = [route.dependant]
    while dependants:
        dependant = dependants.pop()
        dependants.extend(dependant.dependencies)
        for where, fields in (("path", dependant.path_params), ("query", dependant.query_params)):
            found += [(where, f.alias) for f in fields if _reads_int(f.field_info.annotation)]
    return tuple(dict.fromkeys(found))


def _reads_int(annotation: Any) -> bool:
    """`int`, `int | None`, `Annotated[int, …]` (not `bool`, not a str or enum)."""
    if annotation is int:
        return True
    return any(_reads_int(arg) for arg in typing.get_args(annotation)[:2] if arg is not None)


def _values(request: Request, where: str, name: str) -> list[str]:
    if where == "path":
        value = request.path_params.get(name)
        return [value] if isinstance(value, str) else []
    return request.query_params.getlist(name)


def _beyond_bigint(value: str) -> bool:
    try:
        number = int(value)
    except ValueError:
        return False  # not an integer at all: the route's own validation names it
    return not INT64_MIN <= number <= INT64_MAX


def _query_errors(scope: Scope) -> list[dict[str, str]]:
    raw = scope.get("query_string", b"")
    if not raw:
        return []
    pairs = parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)
    fields = []
    for name, value in pairs:
        if _CONTROL.search(name) or _CONTROL.search(value):
            field = f"query.{_CONTROL.sub('?', name)}"
            if field not in fields:
                fields.append(field)
    return [_error(field, CONTROL_MESSAGE) for field in fields]


async def _read_body(receive: Receive) -> tuple[bytes, bool]:
    """The whole body; `more` is False (the stream ended) unless the client went away."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), True  # a disconnect: let the app see it
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks), False


def _replay(body: bytes, disconnected: bool, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            if not disconnected:
                return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _body_errors(body: bytes) -> list[dict[str, str]]:
    if not body:
        return []
    try:
        document = _parsed(body)
    except NestedTooDeeply:
        return [_error("body", DEPTH_MESSAGE)]
    except ValueError:  # not JSON: the route's own parsing reports it as 422
        return []
    return [_error(field, message) for field, message in _walk(document, "body", 0)]


class _HugeInteger:
    """An integer of more digits than Python converts (4,300): read as this, so the walk names
    its field instead of the whole body failing to parse."""


def _parsed(body: bytes) -> Any:
    try:
        return parse_json(body)
    except NestedTooDeeply:
        raise
    except ValueError:  # perhaps an integer too long to convert: read it as a marker
        try:
            return json.loads(body.decode("utf-8"), parse_int=_integer_or_huge)
        except RecursionError:
            raise NestedTooDeeply("JSON nested too deeply") from None


def _integer_or_huge(digits: str) -> int | _HugeInteger:
    return _HugeInteger() if len(digits) > _MAX_DIGITS else int(digits)


_MAX_DIGITS = 1_000  # far past bigint's 19, well inside what int() converts


def _walk(value: Any, where: str, depth: int) -> Iterator[tuple[str, str]]:
    """What is wrong in `value` at `where`, `depth` arrays and objects deep (not followed past
    MAX_JSON_DEPTH: the first field beyond it is named instead)."""
    if isinstance(value, dict | list) and depth == MAX_JSON_DEPTH:
        yield where, DEPTH_MESSAGE
    elif isinstance(value, str):
        if _CONTROL_IN_TEXT.search(value):
            yield where, CONTROL_MESSAGE
    elif isinstance(value, bool):
        return
    elif isinstance(value, _HugeInteger):
        yield where, INT64_MESSAGE
    elif isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            yield where, INT64_MESSAGE
    elif isinstance(value, dict):
        for key, item in value.items():
            name = _CONTROL.sub("?", key)
            if _CONTROL_IN_TEXT.search(key):
                yield f"{where}.{name}", CONTROL_MESSAGE
            yield from _walk(item, f"{where}.{name}", depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{where}.{index}", depth + 1)
