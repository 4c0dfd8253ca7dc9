"""RFC 9457 problem+json responses and the handlers that turn every error into one."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.domain.errors import DomainError
from shared.http.auth import record_denial
from shared.logging import correlation_id_var
from shared.privacy import scrub

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://safetynet.gansu.gov.cn/problems/"
log = logging.getLogger(__name__)

_HTTP_CODES: dict[int, tuple[str, str]] = {
    400: ("bad-request", "请求有误"),
    401: ("unauthenticated", "未通过身份认证"),
    403: ("forbidden", "无权操作"),
    404: ("not-found", "资源不存在"),
    405: ("method-not-allowed", "不支持该请求方法"),
    409: ("conflict", "请求与当前状态冲突"),
    412: ("precondition-failed", "前置条件不满足"),
    413: ("content-too-large", "请求内容过大"),
    415: ("unsupported-media-type", "不支持的媒体类型"),
    428: ("precondition-required", "缺少前置条件"),
    429: ("too-many-requests", "请求过于频繁"),
    500: ("internal-error", "服务器内部错误"),
    503: ("service-unavailable", "服务暂不可用"),
}


class Problem(BaseModel):
    """The problem+json body, for OpenAPI documentation of error responses."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    detail: str
    instance: str
    code: str
    title_zh: str
    detail_zh: str
    correlation_id: str | None = None


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries documenting problem+json bodies for the given statuses."""
    return {
        s: {"model": Problem, "content": {PROBLEM_MEDIA_TYPE: {}}, "description": _title(s)}
        for s in statuses
    }


def problem_response(
    status: int,
    code: str,
    title_en: str,
    title_zh: str,
    detail_en: str,
    detail_zh: str,
    instance: str,
    *,
    headers: dict[str, str] | None = None,
    **ext: Any,
) -> JSONResponse:
    """A problem+json response; the standard members win over extensions of the same name."""
    body: dict[str, Any] = {**jsonable_encoder(ext)}
    body.update(
        type=PROBLEM_TYPE_BASE + code,
        title=title_en,
        status=status,
        detail=detail_en,
        instance=scrub(instance),
        code=code,
        title_zh=title_zh,
        detail_zh=detail_zh,
        correlation_id=correlation_id_var.get(),
    )
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP {status}"


def _code_for(status: int) -> tuple[str, str]:
    return _HTTP_CODES.get(status, (_title(status).lower().replace(" ", "-"), _title(status)))


async def _audit_if_denied(request: Request, status: int, code: str, detail: str) -> None:
    if status in (401, 403):
        principal = getattr(request.state, "principal", None)
        engine = getattr(request.app.state, "engine", None)
        await record_denial(engine, principal, request, code, detail)


async def domain_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """A named domain refusal: its own status, code and bilingual messages."""
    assert isinstance(exc, DomainError)
    await _audit_if_denied(request, exc.status, exc.code, exc.detail_en)
    return problem_response(
        exc.status,
        exc.code,
        exc.title_en,
        exc.title_zh,
        exc.detail_en,
        exc.detail_zh,
        request.url.path,
        headers=getattr(exc, "headers", None),
        **exc.extensions,
    )


class FieldRuleViolated(ValueError):
    """A rule across a body's fields (a model validator) broken by one field it names: the 422
    names that field's path, not the whole body."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _field_path(error: Mapping[str, Any]) -> str:
    """The offending field's dotted path, down to the field a cross-field rule names."""
    loc = tuple(error.get("loc", ()))
    broken = (error.get("ctx") or {}).get("error")
    if isinstance(broken, FieldRuleViolated):
        loc = (*loc, broken.field)
    return ".".join(str(p) for p in loc)


async def validation_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """422 `invalid-request` naming each offending field by its path; inputs are never echoed."""
    assert isinstance(exc, RequestValidationError)
    errors = [{"field": _field_path(e), "message": scrub(str(e.get("msg")))} for e in exc.errors()]
    return invalid_request_response(request.url.path, errors)


def invalid_request_response(instance: str, errors: list[dict[str, str]]) -> JSONResponse:
    """422 `invalid-request` listing `{"field", "message"}` errors (field: `body.x.0.y`)."""
    fields = ", ".join(e["field"] for e in errors)
    return problem_response(
        422,
        "invalid-request",
        "The request is not valid",
        "请求参数校验失败",
        f"invalid fields: {fields}",
        f"以下字段不符合要求：{fields}",
        instance,
        errors=errors,
    )


async def http_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """Framework HTTP errors (404 route, 405 method, …) as problems with a code from the status."""
    assert isinstance(exc, StarletteHTTPException)
    code, title_zh = _code_for(exc.status_code)
    detail = exc.detail if isinstance(exc.detail, str) else _title(exc.status_code)
    await _audit_if_denied(request, exc.status_code, code, detail)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = allowed_methods(request)
    return problem_response(
        exc.status_code,
        code,
        _title(exc.status_code),
        title_zh,
        detail,
        title_zh,
        request.url.path,
        headers=headers,
    )


def allowed_methods(request: Request) -> str:
    """`Allow` for a 405: every method some route on the path takes, not only those of the first
    route Starlette tried (it answers that route's methods alone, in set order)."""
    routes = request.app.router.routes
    return ", ".join(
        method
        for method in _METHODS
        if any(r.matches({**request.scope, "method": method})[0] is Match.FULL for r in routes)
    )


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def internal_error_response(instance: str) -> JSONResponse:
    """500 `internal-error` that reveals nothing about the cause."""
    return problem_response(
        500,
        "internal-error",
        "Internal server error",
        "服务器内部错误",
        "the server failed to handle the request; quote the correlation id when reporting it",
        "服务器处理请求失败，反馈问题时请提供 correlation_id",
        instance,
    )


async def unhandled_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """Last resort for errors no other handler took: log with the traceback, answer 500 (422 for
    a value the database refused)."""
    if data_error_of(exc) is not None:
        return _data_error_response(request.method, request.url.path, exc)
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return internal_error_response(request.url.path)


class UnhandledErrorMiddleware:
    """Turns an uncaught exception into a 500 problem inside the other middleware.

    Starlette runs the `Exception` handler outside every user middleware, so without this the
    correlation header and the latency metric would be missing from 500 responses.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass through; on an exception before the response started, answer 500."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def note(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, note)
        except Exception as exc:
            if not started and data_error_of(exc) is not None:
                response = _data_error_response(scope["method"], scope["path"], exc)
                await response(scope, receive, send)
                return
            log.error("unhandled error on %s %s", scope["method"], scope["path"], exc_info=exc)
            if started:
                raise
            await internal_error_response(scope["path"])(scope, receive, send)


def data_error_of(exc: BaseException) -> BaseException | None:
    """The driver data error behind `exc` (SQLSTATE class 22: invalid text representation, numeric
    out of range, character not in repertoire …, or asyncpg refusing to encode a value, e.g. an
    int beyond int64), following SQLAlchemy's `orig` and explicit causes; None if there is none."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _is_data_error(current):
            return current
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None


def _is_data_error(exc: BaseException) -> bool:
    sqlstate = getattr(exc, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate.startswith("22"):
        return True
    # asyncpg's client-side DataError (a value it cannot encode) and SQLAlchemy's DataError
    library = type(exc).__module__.split(".", 1)[0]
    return library in ("asyncpg", "sqlalchemy") and any(
        cls.__name__ == "DataError" for cls in type(exc).__mro__
    )


def _data_error_response(method: str, path: str, exc: BaseException) -> JSONResponse:
    cause = data_error_of(exc)
    log.warning(
        "the database refused a request value on %s %s: %s",
        method,
        scrub(path),
        type(cause).__name__,
    )
    return problem_response(
        422,
        "invalid-value",
        "A value in the request cannot be stored",
        "请求中的某个值无法保存",
        "a value is out of range or holds characters that cannot be stored; nothing was changed",
        "请求中的某个值超出范围或含有无法保存的字符，未作任何更改",
        path,
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Render every error as problem+json; install before any other middleware."""
    app.add_exception_handler(DomainError, domain_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(Exception, unhandled_error_handler)
    app.add_middleware(UnhandledErrorMiddleware)
