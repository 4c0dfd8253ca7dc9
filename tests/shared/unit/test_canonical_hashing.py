"""The append path's field-by-field canonical texts equal `canonical_json`, so hashes agree with
what verification recomputes from stored rows (GEN-5)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from shared.canonical import canonical_json, canonical_optional, canonical_string
from shared.eventstore.append import chain
from shared.eventstore.envelope import Actor, EventMetadata, NewEvent
from shared.eventstore.hashing import GENESIS_HASH, event_hash

AWKWARD = [
    "",
    "张桂兰",
    'a "quoted" \\ back\\slash',
    "tab\there\nnew line\x00\x1f",
    "😀 \u2028",
    "/",
]


@pytest.mark.req("GEN-5")
@pytest.mark.parametrize("value", AWKWARD)
def test_a_string_is_written_as_canonical_json_writes_it(value: str) -> None:
    assert canonical_string(value) == canonical_json(value)
    assert canonical_optional(value) == canonical_json(value)
    assert canonical_optional(None) == canonical_json(None)


@pytest.mark.req("GEN-5")
@pytest.mark.parametrize("text", AWKWARD)
def test_metadata_text_is_the_canonical_json_of_its_dict(text: str) -> None:
    actor = Actor(f"clerk{text}", "township_officer", f"城关镇{text}", "620102001")
    for metadata in (
        EventMetadata(actor, f"api{text}"),
        EventMetadata(actor, "api", text, f"corr-{text}", None, text),
        EventMetadata(Actor.system("payments"), "payment-run", None, None, f"c{text}", "case-1"),
    ):
        assert metadata.canonical_text() == canonical_json(metadata.to_dict())


@pytest.mark.req("GEN-5")
def test_metadata_holding_what_its_fields_do_not_declare_still_gets_its_canonical_json() -> None:
    odd = EventMetadata(Actor("a", "r", "o", "62"), "api", reason=12)  # type: ignore[arg-type]
    assert odd.canonical_text() == canonical_json(odd.to_dict())


@pytest.mark.req("GEN-5")
def test_a_chained_batch_hashes_each_event_as_event_hash_does() -> None:
    # given two events with their own metadata, times in two zones and awkward text
    china = timezone(timedelta(hours=8))
    events = [
        NewEvent("test.Happened", {"名字": "张\"三", "fen": 12_345, "n": None},
                 EventMetadata(Actor("clerk", "role", "机构", "62"), "api", "原因\n", case_id="c1"),
                 occurred_at=datetime(2026, 11, 29, 9, 0, 0, 123456, tzinfo=china)),
        NewEvent("test.Changed", {"list": [1, "二", {"b": 1, "a": 2}]},
                 EventMetadata(Actor.system("intake"), "deadline-watcher"), schema_version=3),
    ]  # fmt: skip
    recorded_at = datetime(2026, 11, 29, 1, 2, 3, 456789, tzinfo=UTC)
    # when they are chained onto a stream at version 4
    batch = chain('case-"x"', events, 4, "a" * 64, recorded_at)
    # then every hash is event_hash over the same fields, linked in order
    link = "a" * 64
    for offset, new in enumerate(events):
        expected = event_hash(
            prev_hash=link, event_id=new.event_id, stream_id="case-\"x\"",
            stream_version=5 + offset, type=new.type, schema_version=new.schema_version,
            occurred_at=new.occurred_at or recorded_at, recorded_at=recorded_at, data=new.data,
            metadata=new.metadata.to_dict(),
        )  # fmt: skip
        assert batch.hashes[offset] == expected
        assert batch.prev_hashes[offset] == link
        assert batch.metadata_json[offset] == canonical_json(new.metadata.to_dict())
        link = expected
    assert chain("s", events[:1], None, None, recorded_at).prev_hashes == [GENESIS_HASH]
