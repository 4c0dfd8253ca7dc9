"""CloudEvents 1.0 binary mode: a recorded event survives the trip through Kafka headers exactly."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.eventstore.hashing import GENESIS_HASH, event_hash
from shared.eventstore.store import recorded_to_raw, verify_chain
from shared.messaging.cloudevents import UndecodableMessage, decode, encode

CLERK = Actor(id="clerk-007", role="township_clerk", org="城关镇人民政府", division="620102001")
BEIJING = timezone(timedelta(hours=8))


def chained(
    stream_id: str, metadatas: list[EventMetadata], data: list[dict[str, object]]
) -> list[RecordedEvent]:
    """A hash-chained stream built the way the store builds one."""
    events: list[RecordedEvent] = []
    prev = GENESIS_HASH
    recorded_at = datetime(2024, 5, 1, 2, 3, 4, 567891, tzinfo=UTC)
    for version, (meta, body) in enumerate(zip(metadatas, data, strict=True), start=1):
        event_id = uuid.uuid4()
        occurred_at = datetime(2024, 5, 1, 10, 0, version, 123456, tzinfo=BEIJING)
        fields = {
            "event_id": event_id, "stream_id": stream_id, "stream_version": version,
            "type": "intake.ApplicationSubmitted", "schema_version": 2,
            "occurred_at": occurred_at, "recorded_at": recorded_at, "data": body,
        }  # fmt: skip
        digest = event_hash(prev_hash=prev, metadata=meta.to_dict(), **fields)  # type: ignore[arg-type]
        events.append(
            RecordedEvent(
                position=100 + version,
                metadata=meta,
                prev_hash=prev,
                hash=digest,
                **fields,  # type: ignore[arg-type]
            )
        )
        prev = digest
    return events


FULL = EventMetadata(
    actor=CLERK, channel="counter", reason="本人申请", correlation_id="corr-1",
    causation_id="cause-1", case_id="case-甘-001",
)  # fmt: skip
BARE = EventMetadata(actor=Actor.system("intake"), channel="hotline")
DATA = {"applicant": "张三", "address": "兰州市城关区", "income_fen": 123456, "members": [1, 2.5]}


def test_an_event_round_trips_exactly_with_chinese_text() -> None:
    # given a recorded event with every optional field set and Chinese text
    event = chained("app-1", [FULL], [DATA])[0]

    # when it is encoded for Kafka and decoded again
    record = encode(event, "intake", broker_epoch=3)
    decoded = decode(record.headers, record.value)

    # then the same event comes back, with its service and broker epoch
    assert decoded.event == event
    assert decoded.service == "intake"
    assert decoded.broker_epoch == 3
    assert json.loads(record.value) == DATA


def test_the_record_is_keyed_by_case_and_carries_cloudevents_headers() -> None:
    # given an event of case "case-甘-001" in stream "app-1"
    event = chained("app-1", [FULL], [DATA])[0]

    # when it is encoded
    record = encode(event, "intake", broker_epoch=0)
    headers = {k: v.decode() for k, v in record.headers}

    # then the key is the case, and the headers are CloudEvents 1.0 binary mode
    assert record.key == "case-甘-001".encode()
    assert headers["ce_specversion"] == "1.0"
    assert headers["ce_id"] == str(event.event_id)
    assert headers["ce_source"] == "/safetynet/intake"
    assert headers["ce_type"] == "intake.ApplicationSubmitted"
    assert headers["ce_subject"] == "app-1"
    assert headers["content-type"] == "application/json"
    assert headers["ce_dataschema"] == (
        "https://safetynet.gansu.gov.cn/schemas/intake.ApplicationSubmitted/v2.json"
    )
    assert headers["ce_time"] == "2024-05-01T02:00:01.123456+00:00"
    assert json.loads(headers["ce_actor"])["org"] == "城关镇人民政府"
    assert all(k == "content-type" or k.startswith("ce_") for k in headers)
    assert all(k[3:].isalnum() and k[3:].islower() for k in headers if k.startswith("ce_"))


def test_absent_optional_metadata_comes_back_as_none_and_the_key_falls_back_to_the_stream() -> None:
    # given an event with no reason, correlation, causation or case
    event = chained("app-9", [BARE], [{"n": 1}])[0]

    # when it goes through Kafka
    record = encode(event, "intake", broker_epoch=0)
    decoded = decode(record.headers, record.value).event

    # then the optional fields are None again, and the key is the stream id
    assert decoded.metadata == BARE
    assert decoded == event
    assert record.key == b"app-9"
    assert "ce_reason" not in dict(record.headers)


def test_an_empty_reason_is_not_confused_with_no_reason() -> None:
    # given an event whose reason is the empty string
    meta = EventMetadata(actor=CLERK, channel="counter", reason="")
    event = chained("app-2", [meta], [{"n": 1}])[0]

    # when it round-trips
    record = encode(event, "intake", broker_epoch=0)

    # then the reason is still "", not None
    assert decode(record.headers, record.value).event.metadata.reason == ""


def test_decoded_events_still_verify_against_their_hash_chain() -> None:
    # given a stream of three chained events, published and read back
    stream = chained("app-3", [FULL, BARE, FULL], [DATA, {"n": 2}, {"备注": "复核"}])
    decoded = [decode(r.headers, r.value).event for r in (encode(e, "x", 0) for e in stream)]

    # when the chain is verified over what came off Kafka
    verification = verify_chain("app-3", [recorded_to_raw(e) for e in decoded])

    # then every link and hash holds
    assert verification.ok, verification.problem
    assert verification.checked == 3


def test_a_tampered_value_breaks_the_chain() -> None:
    # given an event whose value was altered on the way
    event = chained("app-4", [FULL], [DATA])[0]
    record = encode(event, "intake", broker_epoch=0)
    forged = json.dumps({**DATA, "income_fen": 1}).encode()

    # when it is decoded and verified
    decoded = decode(record.headers, forged).event

    # then the chain names the first event as bad
    assert verify_chain("app-4", [recorded_to_raw(decoded)]).first_bad_version == 1


@pytest.mark.parametrize("missing", ["ce_id", "ce_type", "ce_hash", "ce_actor", "ce_brokerepoch"])
def test_a_missing_header_is_undecodable(missing: str) -> None:
    # given a record without one required header
    record = encode(chained("app-5", [FULL], [DATA])[0], "intake", 0)
    headers = [(k, v) for k, v in record.headers if k != missing]

    # when / then decoding refuses it, naming the header
    with pytest.raises(UndecodableMessage, match=missing):
        decode(headers, record.value)


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("ce_specversion", b"0.3"),
        ("ce_id", b"not-a-uuid"),
        ("ce_streamversion", b"two"),
        ("ce_time", b"2024-05-01T02:00:01"),
        ("ce_actor", b'{"id": "x"}'),
        ("ce_source", b"/elsewhere/intake"),
        ("ce_subject", b"another-stream"),
        ("ce_hash", b"\xff\xfe"),
    ],
)
def test_a_malformed_header_is_undecodable(header: str, value: bytes) -> None:
    # given a record with one header spoiled
    record = encode(chained("app-6", [FULL], [DATA])[0], "intake", 0)
    headers = [(k, value if k == header else v) for k, v in record.headers]

    # when / then decoding refuses it
    with pytest.raises(UndecodableMessage):
        decode(headers, record.value)


@pytest.mark.parametrize("value", [None, b"not json", b"[1, 2]", b"\xff"])
def test_a_value_that_is_not_a_json_object_is_undecodable(value: bytes | None) -> None:
    # given the right headers but a bad value
    record = encode(chained("app-7", [FULL], [DATA])[0], "intake", 0)

    # when / then decoding refuses it
    with pytest.raises(UndecodableMessage):
        decode(record.headers, value)


def test_a_duplicated_header_is_undecodable() -> None:
    # given a record carrying ce_id twice
    record = encode(chained("app-8", [FULL], [DATA])[0], "intake", 0)

    # when / then decoding refuses it
    with pytest.raises(UndecodableMessage, match="twice"):
        decode([*record.headers, ("ce_id", str(uuid.uuid4()).encode())], record.value)
