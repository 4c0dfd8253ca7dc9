"""One trace from an append through the relay and Kafka into a consumer and its appends (GEN-9)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx
import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanContext, SpanKind
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.eventstore import EventStore, RecordedEvent
from shared.http.tokens import ensure_dev_keypair
from shared.messaging.cloudevents import decode
from shared.messaging.consumer import EventConsumer, SetBasedHandler
from shared.messaging.topics import ensure_topics, internal_topic
from shared.tracing import TRACER, configure_tracing, current_traceparent
from tests.shared.integration.http_kernel_app import build_app
from tests.shared.integration.messaging_support import (
    an_event,
    headers_of,
    kafka,
    new_service,
    open_relay,
    publish_all,
    read_topic,
    running,
    scalar,
)
from tests.support import eventually

pytestmark = pytest.mark.req("GEN-9")

GROUP = "tracing"


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    """The spans finished during the test (the process's provider, with a collector added)."""
    exporter = InMemorySpanExporter()
    configure_tracing("test", None).add_span_processor(SimpleSpanProcessor(exporter))
    yield exporter
    exporter.shutdown()  # it stops collecting; the processor stays, as providers cannot drop one


async def test_a_trace_runs_from_an_append_through_kafka_into_a_consumer_and_its_appends(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str, spans: InMemorySpanExporter
) -> None:
    # given one event appended inside a producer's span, and one appended outside any span
    service = new_service()
    with TRACER.start_as_current_span("submit application") as producer:
        (traced,) = await event_store.append("case-t", [an_event("case-t", 1)], 0)
        expected = current_traceparent()
    (untraced,) = await event_store.append("case-u", [an_event("case-u", 1)], 0)
    trace_id = producer.get_span_context().trace_id

    # then the traced one stores the producer's traceparent beside it, the other nothing
    assert expected == traceparent_of(producer.get_span_context())
    assert await trace_context_of(engine, traced) == expected
    assert await trace_context_of(engine, untraced) is None
    # and the hash chain, which never sees the trace context, still verifies
    assert (await event_store.verify_stream("case-t")).ok

    # when the relay publishes both
    async with open_relay(service, engine, event_store, kafka_bootstrap) as relay:
        await publish_all(relay)
    records = await read_topic(kafka_bootstrap, internal_topic(service), at_least=2)

    # then the traced record carries a `traceparent` header, and both decode to the stored events
    by_id = {headers_of(r)["ce_id"]: headers_of(r) for r in records}
    assert by_id[str(traced.event_id)]["traceparent"] == expected
    assert "traceparent" not in by_id[str(untraced.event_id)]
    decoded = {d.event_id: d for d in (decode(r.headers, r.value).event for r in records)}
    assert decoded == {traced.event_id: traced, untraced.event_id: untraced}

    # when a consumer handles them, appending a follow-up event as a reaction would
    seen: dict[str, int] = {}

    async def react(event: RecordedEvent, conn: AsyncConnection) -> None:
        seen[event.stream_id] = trace.get_current_span().get_span_context().trace_id
        await event_store.append(f"reaction-{event.stream_id}", [an_event(None, 2)], 0, conn)

    consumer = EventConsumer(
        service, GROUP, [internal_topic(service)], react, engine, kafka(kafka_bootstrap)
    )
    async with running(consumer.run):
        await eventually(lambda: len(seen) == 2, message="the consumer never handled both")

    # then the handler of the traced event ran in the producer's trace, the other in a new one
    assert seen["case-t"] == trace_id
    assert seen["case-u"] != trace_id
    # inside a CONSUMER span that is the producer span's child
    span = consumer_span_of(spans.get_finished_spans(), "case-t")
    assert span.kind is SpanKind.CONSUMER and span.name == "test.Happened process"
    assert span.parent is not None and span.parent.span_id == producer.get_span_context().span_id
    assert span.attributes is not None
    assert span.attributes["messaging.destination.name"] == internal_topic(service)
    assert span.attributes["messaging.kafka.consumer.group"] == GROUP
    assert span.attributes["messaging.message.id"] == str(traced.event_id)
    # and what the handler appended carries the consumer span's traceparent, for the next hop
    reaction = await scalar(
        engine, "SELECT trace_context FROM events WHERE stream_id = 'reaction-case-t'"
    )
    assert reaction == traceparent_of(span.context)


async def test_a_batch_applied_set_based_is_one_consumer_span_linked_to_each_producer(
    engine: AsyncEngine, event_store: EventStore, kafka_bootstrap: str, spans: InMemorySpanExporter
) -> None:
    # given two events appended in two producers' traces and one outside any, on one partition
    service = new_service()
    topic = internal_topic(service)
    await ensure_topics(kafka_bootstrap, [topic], partitions=1)
    producers = []
    for case in ("case-p", "case-q"):
        with TRACER.start_as_current_span(f"submit {case}") as producer:
            await event_store.append(case, [an_event(case, 1)], 0)
        producers.append(producer.get_span_context())
    await event_store.append("case-r", [an_event("case-r", 1)], 0)
    async with open_relay(service, engine, event_store, kafka_bootstrap) as relay:
        await publish_all(relay)

    # when a consumer applies them with a set-based handler
    applied: list[str] = []

    async def one(event: RecordedEvent, conn: AsyncConnection) -> None:
        applied.append(event.stream_id)

    async def many(events: Sequence[RecordedEvent], conn: AsyncConnection) -> None:
        applied.extend(e.stream_id for e in events)

    handler = SetBasedHandler(one, many)
    consumer = EventConsumer(service, GROUP, [topic], handler, engine, kafka(kafka_bootstrap))
    async with running(consumer.run):
        await eventually(lambda: len(applied) == 3, message="the consumer never applied all 3")

    # then its batches' CONSUMER spans link to both producers' spans, and to nothing else
    batch_spans = [
        s
        for s in spans.get_finished_spans()
        if s.kind is SpanKind.CONSUMER and s.name == f"{topic} process"
    ]
    assert sum(int((s.attributes or {})["messaging.batch.message_count"]) for s in batch_spans) == 3
    links = [link.context for s in batch_spans for link in s.links]
    assert {(c.trace_id, c.span_id) for c in links} == {(p.trace_id, p.span_id) for p in producers}


async def test_a_service_app_makes_one_server_span_per_request_continuing_the_caller(
    engine: AsyncEngine, tmp_path: Path, spans: InMemorySpanExporter
) -> None:
    # given an app made by create_app, and a caller in a trace of its own
    keys = ensure_dev_keypair(tmp_path / "private.pem", tmp_path / "public.pem")
    transport = httpx.ASGITransport(app=build_app(engine, keys))
    caller = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"

    # when it calls the app
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/readyz", headers={"traceparent": caller})

    # then exactly one SERVER span continues the caller's trace (FastAPI's own telemetry is off)
    server = [s for s in spans.get_finished_spans() if s.kind is SpanKind.SERVER]
    assert response.status_code == 200
    assert [s.name for s in server] == ["GET /readyz"]
    assert format(server[0].context.trace_id, "032x") == "0af7651916cd43dd8448eb211c80319c"
    assert server[0].parent is not None
    assert format(server[0].parent.span_id, "016x") == "b7ad6b7169203331"
    assert "url.path" not in (server[0].attributes or {})


def traceparent_of(context: SpanContext) -> str:
    """The W3C traceparent of a span context."""
    return f"00-{context.trace_id:032x}-{context.span_id:016x}-{context.trace_flags:02x}"


async def trace_context_of(engine: AsyncEngine, event: RecordedEvent) -> str | None:
    """The trace context stored beside an event."""
    return await scalar(
        engine, "SELECT trace_context FROM events WHERE event_id = :e", e=event.event_id
    )


def consumer_span_of(finished: tuple[ReadableSpan, ...], case_id: str) -> ReadableSpan:
    """The consumer span that processed the event of a case."""
    (span,) = [
        s
        for s in finished
        if s.kind is SpanKind.CONSUMER and (s.attributes or {}).get("safetynet.case_id") == case_id
    ]
    return span
