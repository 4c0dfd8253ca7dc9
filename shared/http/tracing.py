"""Server spans: one per HTTP request, named by route template, continuing a `traceparent`."""

from __future__ import annotations

from fastapi.telemetry import TelemetryConfig
from opentelemetry.trace import Span, SpanKind, Status, StatusCode
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.http.metrics import route_template
from shared.tracing import PROPAGATOR, SERVICE_ATTRIBUTE, TRACER, mark_failed

# FastAPI's own telemetry starts as soon as a tracer provider is installed. It would make a second
# server span and record raw paths, query strings, validation inputs and exception messages, which
# may hold personal data; TracingMiddleware records the route template only.
FASTAPI_TELEMETRY_OFF: TelemetryConfig = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
}


class TracingMiddleware:
    """Pure ASGI middleware: a SERVER span per request, continuing an incoming `traceparent`."""

    def __init__(self, app: ASGIApp, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request inside its span; name it by route template once routing is done."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        status: dict[str, int] = {"code": 500}

        async def send_and_note(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        with TRACER.start_as_current_span(
            method,
            context=PROPAGATOR.extract(_trace_headers(scope)),
            kind=SpanKind.SERVER,
            attributes={"http.request.method": method, SERVICE_ATTRIBUTE: self.service},
            record_exception=False,  # exception messages may hold personal data
            set_status_on_exception=False,
        ) as span:
            try:
                await self.app(scope, receive, send_and_note)
            except BaseException as error:
                mark_failed(span, type(error).__name__)
                raise
            finally:
                _finish_server_span(span, scope, method, status["code"])


def _finish_server_span(span: Span, scope: Scope, method: str, code: int) -> None:
    route = route_template(scope)
    span.update_name(f"{method} {route}")
    span.set_attribute("http.route", route)
    span.set_attribute("http.response.status_code", code)
    if code >= 500:
        span.set_status(Status(StatusCode.ERROR))


def _trace_headers(scope: Scope) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in scope.get("headers", ()):
        key = bytes(name).lower()
        if key in (b"traceparent", b"tracestate"):
            found[key.decode()] = bytes(value).decode("latin-1")
    return found
