"""Prometheus metrics of the platform and the middleware that times every HTTP request."""

from __future__ import annotations

import time
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_LATENCY = Histogram(
    "safetynet_http_request_duration_seconds",
    "HTTP request latency by route template",
    ("service", "method", "route", "status"),
)
EVENTS_APPENDED = Counter(
    "safetynet_events_appended_total", "Events appended to the store", ("service", "type")
)
OUTBOX_LAG = Gauge(
    "safetynet_outbox_lag_events", "Events stored but not yet published", ("service",)
)
CONSUMER_LAG = Gauge(
    "safetynet_consumer_lag",
    "Messages behind the partition's high water mark",
    ("service", "group", "topic", "partition"),
)
DLQ_MESSAGES = Gauge(
    "safetynet_dlq_messages", "Dead-lettered messages by status", ("service", "group", "status")
)
RELAY_PUBLISHED = Counter(
    "safetynet_relay_published_total", "Events the relay published to Kafka", ("service",)
)
ACCESS_DENIALS = Counter(
    "safetynet_access_denials_total", "Requests refused with 401 or 403", ("service", "code")
)

UNMATCHED_ROUTE = "<unmatched>"


def route_template(scope: Scope) -> str:
    """The matched route's path template (`/v1/cases/{case_id}`), never the raw path."""
    route = scope.get("route")
    path = getattr(route, "path_format", None) or getattr(route, "path", None)
    return str(path) if path else UNMATCHED_ROUTE


class MetricsMiddleware:
    """Pure ASGI middleware: observes the latency of each HTTP request by route template."""

    def __init__(self, app: ASGIApp, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Time the request; label it with method, route template and status."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: dict[str, Any] = {"code": 500}

        async def send_and_note(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            REQUEST_LATENCY.labels(
                self.service, scope["method"], route_template(scope), str(status["code"])
            ).observe(time.perf_counter() - started)


async def metrics_endpoint(request: Request) -> Response:
    """Expose every metric in the Prometheus text format."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
