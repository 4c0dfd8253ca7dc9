"""A request body has a size limit: past it, a 413 problem before more of it is held in memory.

Every operation takes a body of at most `MAX_BODY_BYTES` (the largest command is a few
kilobytes) unless it declares a larger limit of its own with `openapi_extra=body_limit(n)` (a file
upload); the OpenAPI document states each operation's limit as `x-max-body-bytes`. The body is
counted as it arrives, whoever reads it (the input guard, the idempotency fingerprint, the route),
and refused at the first chunk past the limit, whatever Content-Length says; a body nobody reads
is never held. A body read before routing (the input guard's JSON) has the default limit: no
JSON operation declares another. The middleware sits outside the input guard and inside the
metrics and correlation middleware, so a 413 is counted and carries its correlation id. The
route's own limit is looked up only for a body past the default.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.http.problems import problem_response

MAX_BODY_BYTES = 1024 * 1024
BODY_LIMIT_MARK = "x-max-body-bytes"


def body_limit(max_bytes: int) -> dict[str, Any]:
    """`openapi_extra=` for an operation taking a body larger than `MAX_BODY_BYTES` (an upload)."""
    return {BODY_LIMIT_MARK: max_bytes}


class BodyTooLarge(HTTPException):
    """A body past its operation's limit (a problem `content-too-large` wherever it is read: the
    routes pass FastAPI's HTTPException on while they read a body, where they make another error
    a 400)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, _detail(limit))
        self.limit = limit


class BodyLimitMiddleware:
    """Refuses a request body past its operation's limit with a 413 problem."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Count the body as it is read; answer 413 here if it was read before a route ran."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        counted = _CountedBody(scope, receive)
        started = False

        async def send_noting_start(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted.receive, send_noting_start)
        except BodyTooLarge as refused:  # read before routing (the input guard): answered here
            if started:
                raise
            await _too_large(scope, refused.limit)(scope, receive, send)


class _CountedBody:
    """The request's `receive`, raising BodyTooLarge at the first chunk past the limit."""

    def __init__(self, scope: Scope, receive: Receive) -> None:
        self.scope = scope
        self.inner = receive
        self.received = 0
        self.limit = MAX_BODY_BYTES
        self.route_looked_up = False

    async def receive(self) -> Message:
        message = await self.inner()
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.limit and not self.route_looked_up:
                self.limit, self.route_looked_up = _route_limit(self.scope), True
            if self.received > self.limit:
                raise BodyTooLarge(self.limit)
        return message


async def body_too_large_handler(request: Request, refused: Exception) -> JSONResponse:
    """The app's handler of BodyTooLarge raised inside a route: the same problem as outside."""
    assert isinstance(refused, BodyTooLarge)
    return _too_large(request.scope, refused.limit)


def _route_limit(scope: Scope) -> int:
    """The limit of the operation the request was routed to (MAX_BODY_BYTES if it declares none,
    or if the body is read before routing, as the input guard reads a JSON body)."""
    route = scope.get("route")
    extra = route.openapi_extra if isinstance(route, APIRoute) else None
    return int((extra or {}).get(BODY_LIMIT_MARK, MAX_BODY_BYTES))


def _too_large(scope: Scope, limit: int) -> JSONResponse:
    return problem_response(
        413,
        "content-too-large",
        "Content too large",
        "请求内容过大",
        _detail(limit),
        f"请求体超过该接口的上限：{limit} 字节",
        scope.get("path", ""),
        max_body_bytes=limit,
    )


def _detail(limit: int) -> str:
    return f"the request body is larger than this operation takes: {limit} bytes"
