"""Traces without I/O: server spans continue a traceparent; exporting is opt-in (GEN-9)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from services.settings import Settings
from shared.eventstore import Actor, EventMetadata, RecordedEvent
from shared.http.tracing import FASTAPI_TELEMETRY_OFF, TracingMiddleware
from shared.tracing import (
    TRACEPARENT,
    build_provider,
    configure_tracing,
    consumer_span,
    current_traceparent,
)

pytestmark = pytest.mark.req("GEN-9")

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"
INCOMING = f"00-{TRACE_ID}-{PARENT_ID}-01"


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    """The spans finished during the test (the process's provider, with a collector added)."""
    exporter = InMemorySpanExporter()
    configure_tracing("test", None).add_span_processor(SimpleSpanProcessor(exporter))
    yield exporter
    exporter.shutdown()  # it stops collecting; the processor stays, as providers cannot drop one


def traced_app() -> FastAPI:
    """A tiny app behind the tracing middleware whose route reports the traceparent it runs in."""
    app = FastAPI(telemetry=FASTAPI_TELEMETRY_OFF)  # as create_app makes it

    @app.get("/v1/things/{thing_id}")
    async def thing(thing_id: str) -> dict[str, str | None]:
        return {"traceparent": current_traceparent()}

    @app.get("/v1/broken")
    async def broken() -> None:
        raise RuntimeError("boom")

    app.add_middleware(TracingMiddleware, service="intake")
    return app


async def get(path: str, headers: dict[str, str] | None = None) -> httpx.Response:
    transport = httpx.ASGITransport(app=traced_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await client.get(path, headers=headers)


async def test_a_request_continues_the_incoming_traceparent(
    spans: InMemorySpanExporter,
) -> None:
    # given a request that carries a W3C traceparent
    # when the app serves it
    response = await get("/v1/things/42", {"traceparent": INCOMING})

    # then one SERVER span, named by route template, continues the caller's trace
    (span,) = spans.get_finished_spans()
    assert span.kind is SpanKind.SERVER
    assert span.name == "GET /v1/things/{thing_id}"
    assert format(span.context.trace_id, "032x") == TRACE_ID
    assert span.parent is not None and format(span.parent.span_id, "016x") == PARENT_ID
    assert span.attributes is not None
    assert span.attributes["http.route"] == "/v1/things/{thing_id}"
    assert span.attributes["http.response.status_code"] == 200
    assert span.attributes["safetynet.service"] == "intake"
    # and the route ran inside it: what it would append carries the server span's traceparent
    own = f"00-{TRACE_ID}-{span.context.span_id:016x}-{span.context.trace_flags:02x}"
    assert response.json() == {"traceparent": own}


async def test_a_request_without_traceparent_starts_a_trace_and_a_crash_marks_it(
    spans: InMemorySpanExporter,
) -> None:
    # given a request with no trace context, whose route fails
    # when the app serves it
    response = await get("/v1/broken")

    # then its span is a root, named by the route, with status 500 and an error status
    (span,) = spans.get_finished_spans()
    assert response.status_code == 500
    assert span.parent is None and span.name == "GET /v1/broken"
    assert span.attributes is not None and span.attributes["http.response.status_code"] == 500
    assert span.status.status_code is StatusCode.ERROR
    # and it names the kind of failure, never its message (which may hold personal data)
    assert span.attributes["error.type"] == "RuntimeError" and not span.events


def test_outside_any_span_there_is_no_traceparent() -> None:
    # given no current span; then the append path stores nothing
    assert current_traceparent() is None


def test_a_consumer_span_continues_the_trace_the_message_headers_carry(
    spans: InMemorySpanExporter,
) -> None:
    # given a message whose headers carry the producer's traceparent
    event = an_event("case-9")
    headers = [("ce_id", str(event.event_id).encode()), (TRACEPARENT, INCOMING.encode())]

    # when it is processed inside a consumer span
    with consumer_span("verification", "verification.intake", "safetynet.intake.events",
                       headers, event):  # fmt: skip
        inside = current_traceparent()

    # then the CONSUMER span is a child of the producer's span and names what it processed
    (span,) = spans.get_finished_spans()
    assert span.kind is SpanKind.CONSUMER and span.name == "test.Happened process"
    assert span.parent is not None and format(span.parent.span_id, "016x") == PARENT_ID
    assert inside == f"00-{TRACE_ID}-{span.context.span_id:016x}-{span.context.trace_flags:02x}"
    assert (
        dict(span.attributes or {}).items()
        >= {
            "messaging.system": "kafka",
            "messaging.destination.name": "safetynet.intake.events",
            "messaging.kafka.consumer.group": "verification.intake",
            "messaging.message.id": str(event.event_id),
            "safetynet.case_id": "case-9",
            "safetynet.service": "verification",
        }.items()
    )


def test_spans_are_exported_only_when_an_endpoint_is_configured() -> None:
    # given a provider without an endpoint and one with a collector's base URL
    quiet = build_provider("intake", None)
    exporting = build_provider("intake", "http://collector:4318/", prefix="gansu")
    try:
        # then the first has no processor at all, the second one OTLP/HTTP exporter to /v1/traces
        assert quiet.resource.attributes["service.name"] == "safetynet-intake"
        assert processors(quiet) == ()
        (processor,) = processors(exporting)
        assert processor.span_exporter._endpoint == "http://collector:4318/v1/traces"  # type: ignore[attr-defined]
        assert exporting.resource.attributes["service.name"] == "gansu-intake"
    finally:
        quiet.shutdown()
        exporting.shutdown()


def test_configuring_tracing_again_keeps_the_one_provider_of_the_process() -> None:
    # given tracing configured for one service; when three more services configure it
    first = configure_tracing("intake", None)
    others = [configure_tracing(s, None) for s in ("verification", "payments", "supervision")]
    # then they all share the process's provider, which is the global one
    assert all(p is first for p in others)
    assert trace.get_tracer_provider() is first


def test_the_otlp_endpoint_and_prefix_come_from_the_standard_variables() -> None:
    base = {"SAFETYNET_DATA_DIR": "/tmp/x"}
    assert Settings.from_env(base).otel_endpoint is None
    configured = Settings.from_env(
        base | {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://otel:4318", "OTEL_SERVICE_NAME": "gs"}
    )
    assert (configured.otel_endpoint, configured.otel_service_prefix) == ("http://otel:4318", "gs")


def processors(provider: object) -> tuple[object, ...]:
    return tuple(provider._active_span_processor._span_processors)  # type: ignore[attr-defined]


def an_event(case_id: str) -> RecordedEvent:
    actor = Actor("officer-7", "township_officer", "城关区民政局", "620102001")
    now = datetime(2026, 11, 28, tzinfo=UTC)
    return RecordedEvent(
        event_id=uuid.uuid4(), type="test.Happened", schema_version=1, stream_id="s-1",
        stream_version=1, position=1, occurred_at=now, recorded_at=now, data={},
        metadata=EventMetadata(actor, "counter", case_id=case_id), prev_hash="0", hash="1",
    )  # fmt: skip
