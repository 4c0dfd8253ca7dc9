"""OpenTelemetry traces across HTTP and Kafka; spans are exported only when an endpoint is set.

One tracer provider per process (several services may share one, as in `make run`): its resource
names the first service configured, and every span carries `safetynet.service`. The W3C
`traceparent` of the current span travels beside events, never inside them (the event hash does
not change): the append path stores it in `events.trace_context`, the relay sends it as a Kafka
header, and the consumer continues the trace from it (see docs/decisions/0008-tracing.md).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import Span, SpanKind, Status, StatusCode
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from opentelemetry.util.types import AttributeValue

if TYPE_CHECKING:
    from shared.eventstore.envelope import RecordedEvent

log = logging.getLogger(__name__)

TRACEPARENT = "traceparent"
DEFAULT_PREFIX = "safetynet"
SERVICE_ATTRIBUTE = "safetynet.service"
OTLP_TRACES_PATH = "/v1/traces"

PROPAGATOR = TraceContextTextMapPropagator()
TRACER = trace.get_tracer("safetynet")
_lock = threading.Lock()
_provider: TracerProvider | None = None
_exporting_to: set[str] = set()


def build_provider(
    service: str, endpoint: str | None, prefix: str = DEFAULT_PREFIX
) -> TracerProvider:
    """A tracer provider named `<prefix>-<service>`, exporting over OTLP/HTTP if `endpoint`."""
    resource = Resource.create({"service.name": f"{prefix}-{service}", "service.namespace": prefix})
    provider = TracerProvider(resource=resource)
    if endpoint:
        _add_exporter(provider, endpoint)
    return provider


def configure_tracing(
    service: str, endpoint: str | None, prefix: str = DEFAULT_PREFIX
) -> TracerProvider:
    """Install the process's tracer provider once; later calls only add a new endpoint's exporter.

    Without an endpoint spans are still made (so context propagates) but go nowhere.
    """
    global _provider
    with _lock:
        if _provider is None:
            current = trace.get_tracer_provider()
            if isinstance(current, TracerProvider):  # someone (a test) installed one already
                _provider = current
                if endpoint:
                    _add_exporter(current, endpoint)
            else:
                _provider = build_provider(service, endpoint, prefix)
                trace.set_tracer_provider(_provider)
        elif endpoint and endpoint not in _exporting_to:
            _add_exporter(_provider, endpoint)
        return _provider


def _add_exporter(provider: TracerProvider, endpoint: str) -> None:
    # imported here: the exporter pulls in protobuf and requests, needed only when exporting
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    url = endpoint.rstrip("/")
    if not url.endswith(OTLP_TRACES_PATH):
        url += OTLP_TRACES_PATH  # OTEL_EXPORTER_OTLP_ENDPOINT is the base URL, as in the spec
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=url)))
    _exporting_to.add(endpoint)
    log.info("exporting traces to %s", url)


def current_traceparent() -> str | None:
    """The W3C traceparent of the current span, None when there is none (no span is made)."""
    if not trace.get_current_span().get_span_context().is_valid:
        return None
    carrier: dict[str, str] = {}
    PROPAGATOR.inject(carrier)
    return carrier.get(TRACEPARENT)


def context_from_headers(headers: Sequence[tuple[str, bytes]]) -> Context:
    """The trace context carried by Kafka headers (empty when there is none or it is malformed)."""
    carrier = {
        name: bytes(value).decode("latin-1")
        for name, value in headers
        if name in (TRACEPARENT, "tracestate")
    }
    return PROPAGATOR.extract(carrier)


@contextmanager
def consumer_span(
    service: str, group: str, topic: str, headers: Sequence[tuple[str, bytes]], event: RecordedEvent
) -> Iterator[Span]:
    """Process one message inside a CONSUMER span continuing the producer's trace."""
    attributes = {
        "messaging.system": "kafka",
        "messaging.operation.type": "process",
        "messaging.destination.name": topic,
        "messaging.kafka.consumer.group": group,
        "messaging.message.id": str(event.event_id),
        "safetynet.case_id": event.case_id,
        "safetynet.event_type": event.type,
        SERVICE_ATTRIBUTE: service,
    }
    with TRACER.start_as_current_span(
        f"{event.type} process",
        context=context_from_headers(headers),
        kind=SpanKind.CONSUMER,
        attributes=attributes,
        record_exception=False,  # messages and SQL parameters may hold personal data
        set_status_on_exception=False,
    ) as span:
        try:
            yield span
        except BaseException as error:
            mark_failed(span, type(error).__name__)
            raise


@contextmanager
def consumer_batch_span(
    service: str, group: str, topic: str, headers: Sequence[Sequence[tuple[str, bytes]]]
) -> Iterator[Span]:
    """Process a batch of messages in one CONSUMER span linked to each message's producer span.

    A set-based handler applies many messages in one call, so no one producer trace is its
    parent; the links keep every message's trace reachable (ADR 0034). They are read from the
    headers only when the span is recorded.
    """
    attributes: dict[str, AttributeValue] = {
        "messaging.system": "kafka",
        "messaging.operation.type": "process",
        "messaging.destination.name": topic,
        "messaging.kafka.consumer.group": group,
        "messaging.batch.message_count": len(headers),
        SERVICE_ATTRIBUTE: service,
    }
    with TRACER.start_as_current_span(
        f"{topic} process",
        context=Context(),
        kind=SpanKind.CONSUMER,
        attributes=attributes,
        record_exception=False,
        set_status_on_exception=False,
    ) as span:
        if span.is_recording():
            for message_headers in headers:
                producer = trace.get_current_span(context_from_headers(message_headers))
                if producer.get_span_context().is_valid:
                    span.add_link(producer.get_span_context())
        try:
            yield span
        except BaseException as error:
            mark_failed(span, type(error).__name__)
            raise


def mark_failed(span: Span | None = None, error_type: str = "dead-lettered") -> None:
    """Mark a span (by default the current one) as failed, naming only the kind of failure."""
    span = span or trace.get_current_span()
    span.set_attribute("error.type", error_type)
    span.set_status(Status(StatusCode.ERROR))
