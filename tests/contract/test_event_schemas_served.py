"""Each service serves the JSON Schema its events' `ce_dataschema` names (GEN-2, ADR 0039).

For every event type a service's store holds (and so its relay publishes), an example event is
serialised by the service's registry and encoded as the relay encodes it, for the internal topic
and for the public view; the URI in each record's `ce_dataschema` is fetched from the service's
app, without a token, and the schema it answers validates the record's data.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from jsonschema import Draft202012Validator

from services.composition import configure_process, offline_runtimes
from services.settings import Settings
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.http.event_schemas import MEDIA_TYPE
from shared.messaging.cloudevents import (
    SCHEMA_BASE,
    KafkaRecord,
    dataschema,
    encode,
    use_schema_base,
)
from shared.messaging.namespace import namespace
from shared.messaging.public import public_record
from shared.runtime import ServiceRuntime
from tests.contract.event_examples import INSTANT, example

SERVICES = ("intake", "verification", "payments", "supervision")
PSEUDONYM_KEY = b"k" * 32
pytestmark = pytest.mark.req("GEN-2")


@pytest.fixture(scope="module")
def runtimes() -> dict[str, ServiceRuntime]:
    """Every service wired as its bootstrap wires it (the schema routes need no database)."""
    return offline_runtimes()


@pytest.fixture
def base_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The service's own URL as this process's schema base: its URIs resolve on its app."""
    url = f"http://{request.node.callspec.params['service']}.test"
    use_schema_base(f"{url}/schemas")
    yield url
    use_schema_base(SCHEMA_BASE)


@pytest.fixture
async def client(
    runtimes: dict[str, ServiceRuntime], service: str, base_url: str
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the service's app that sends no token."""
    transport = httpx.ASGITransport(app=runtimes[service].app)
    async with httpx.AsyncClient(transport=transport, base_url=base_url) as http:
        yield http


def relayed(runtime: ServiceRuntime, event_type: str) -> tuple[KafkaRecord, KafkaRecord]:
    """An example event of the type as the relay sends it: internal record and public view."""
    registry = runtime.registry
    metadata = EventMetadata(Actor.system(runtime.name), "test", case_id="case-1")
    new = registry.serialize(example(registry.class_of(event_type)), metadata)
    event = RecordedEvent(
        uuid.uuid4(), new.type, new.schema_version, "case-1", 1, 1, INSTANT, INSTANT,
        new.data, metadata, "", "",
    )  # fmt: skip
    record = encode(event, runtime.name, 0)
    return record, public_record(record, PSEUDONYM_KEY)


def header(record: KafkaRecord, name: str) -> str:
    """One header of a record, as text."""
    return next(raw.decode("utf-8") for key, raw in record.headers if key == name)


@pytest.mark.parametrize("service", SERVICES)
async def test_every_published_event_names_a_served_schema_that_validates_it(
    runtimes: dict[str, ServiceRuntime], client: httpx.AsyncClient, service: str
) -> None:
    runtime = runtimes[service]
    failures = []
    for event_type in runtime.registry.type_names:
        for record in relayed(runtime, event_type):
            uri = header(record, "ce_dataschema")
            answer = await client.get(uri)
            if answer.status_code != 200:
                failures.append(f"{uri}: {answer.status_code}")
                continue
            assert answer.headers["content-type"] == MEDIA_TYPE
            validator = Draft202012Validator(
                answer.json(), format_checker=Draft202012Validator.FORMAT_CHECKER
            )
            failures += [
                f"{uri}: {e.message}" for e in validator.iter_errors(json.loads(record.value))
            ]
    assert runtime.registry.type_names and not failures, "\n".join(failures)


@pytest.mark.parametrize("service", SERVICES)
async def test_a_schema_is_cacheable_and_the_public_one_names_its_view(
    runtimes: dict[str, ServiceRuntime], client: httpx.AsyncClient, service: str
) -> None:
    # given the first event type of the service and its internal record's schema URI
    event_type = runtimes[service].registry.type_names[0]
    internal, public = relayed(runtimes[service], event_type)
    first = await client.get(header(internal, "ce_dataschema"))

    # when it is asked again with the ETag it came with
    again = await client.get(
        header(internal, "ce_dataschema"), headers={"If-None-Match": first.headers["etag"]}
    )

    # then the answer is 304 Not Modified, and both documents say what they describe
    assert first.status_code == 200 and "max-age" in first.headers["cache-control"]
    assert again.status_code == 304 and again.headers["etag"] == first.headers["etag"]
    public_schema = (await client.get(header(public, "ce_dataschema"))).json()
    assert public_schema["x-safetynet-view"] == "public"
    assert public_schema["$id"] == header(public, "ce_dataschema")


async def test_a_type_the_service_does_not_publish_is_a_404_problem(
    runtimes: dict[str, ServiceRuntime],
) -> None:
    transport = httpx.ASGITransport(app=runtimes["payments"].app)
    async with httpx.AsyncClient(transport=transport, base_url="http://payments.test") as http:
        answer = await http.get("/schemas/intake.ApplicationSubmitted/v1.json")
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["event_type"] == "intake.ApplicationSubmitted"


def test_the_schema_base_is_a_setting_of_the_process() -> None:
    ns = namespace()  # configure_process sets it too: kept as it is
    # given a deployment whose gateway exposes the services' /schemas paths on its own host
    settings = Settings.from_env(
        {"EVENT_SCHEMA_BASE_URL": "https://bus.example.cn/safetynet/", "KAFKA_TOPIC_NAMESPACE": ns}
    )
    try:
        # when the process is configured, then every ce_dataschema is under that base
        configure_process(settings)
        assert dataschema("payments.PaymentSettled", 1) == (
            "https://bus.example.cn/safetynet/payments.PaymentSettled/v1.json"
        )
    finally:
        use_schema_base(SCHEMA_BASE)
    # and a base that is not an absolute http(s) URL is refused, naming the variable
    with pytest.raises(ValueError, match="EVENT_SCHEMA_BASE_URL"):
        Settings.from_env({"EVENT_SCHEMA_BASE_URL": "/schemas"})
