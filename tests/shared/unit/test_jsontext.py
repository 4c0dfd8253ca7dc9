"""Fast JSON that gives every value exactly as the standard library does (ADR 0050)."""

from __future__ import annotations

import json

import pytest

from shared.eventstore.store import recorded_to_raw, verify_chain
from shared.jsontext import compact_json, parse_json
from shared.messaging.cloudevents import UndecodableMessage, decode, encode
from tests.shared.unit.test_cloudevents import FULL, chained

pytestmark = pytest.mark.req("GEN-3")

BEYOND_64_BITS = 2**64 + 1


@pytest.mark.parametrize(
    "value",
    [
        {"amount_fen": BEYOND_64_BITS, "name": "张三"},
        {"account": "6222021234567890123", "amounts": [-(2**63), 2**63 - 1, 0.1]},
        ["低保", None, True, 1.5e-7],
    ],
    ids=["integer-beyond-64-bits", "19-digit-text", "plain"],
)
def test_a_value_reads_and_writes_as_the_standard_library_gives_it(value: object) -> None:
    standard = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    assert parse_json(standard) == value
    assert json.loads(compact_json(value)) == value
    assert type(parse_json(standard)) is type(value)


@pytest.mark.parametrize("text", [b"{bad", b"\xff\xfe{}", '{"a": 1}'.encode("utf-16")])
def test_what_is_not_utf8_json_is_refused_with_a_value_error(text: bytes) -> None:
    with pytest.raises(ValueError):
        parse_json(text)


def test_a_message_with_an_integer_beyond_64_bits_decodes_with_its_hash_intact() -> None:
    [event] = chained("app-big", [FULL], [{"amount_fen": BEYOND_64_BITS}])
    record = encode(event, "intake", 0)
    decoded = decode(record.headers, record.value).event
    assert decoded == event
    assert verify_chain("app-big", [recorded_to_raw(decoded)]).ok
    with pytest.raises(UndecodableMessage):
        decode(record.headers, b"[1, 2]")
