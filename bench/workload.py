"""The benchmark workload: realistic intake events, ~300 bytes of Chinese JSON, over 100 streams."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from shared.canonical import canonical_json
from shared.clock import SystemClock
from shared.eventstore.envelope import Actor, EventMetadata, NewEvent
from shared.eventstore.hashing import GENESIS_HASH, event_hash

STREAMS = 100
EVENT_TYPE = "intake.HouseholdMemberDeclared"
STREAM_NAMESPACE = uuid.UUID("5f0c4d1e-8a3b-4c2d-9e7f-0a1b2c3d4e5f")


@dataclass(frozen=True)
class Batch:
    """One append: a stream, the version it is expected at, and its new events."""

    stream_id: str
    expected_version: int
    events: list[NewEvent]


_CLOCK = SystemClock()


def payload(stream_id: str, seq: int) -> dict[str, Any]:
    """Event data of about 300 bytes of UTF-8 JSON, mostly Chinese text."""
    return {
        "application_id": stream_id,
        "member_no": seq,
        "name": "张晓梅",
        "relation": "配偶",
        "id_number_masked": "620102********1234",
        "address": "甘肃省兰州市城关区东岗西路街道雁南社区",
        "health": "慢性病，需长期服药",
        "monthly_income_fen": 86000 + seq,
        "note": "申请人家庭因病致贫，经入户核查情况属实",
    }


def metadata(stream_id: str, seq: int) -> EventMetadata:
    """Metadata as a caseworker's intake would carry it."""
    return EventMetadata(
        actor=Actor(id="caseworker-0417", role="caseworker", org="城关区民政局", division="620102"),
        channel="web",
        reason="入户调查登记家庭成员",
        correlation_id=str(uuid.uuid5(STREAM_NAMESPACE, f"{stream_id}/corr/{seq}")),
        causation_id=None,
        case_id=stream_id,
    )


def batches(prefix: str, count: int, batch_size: int) -> list[Batch]:
    """`count` events in batches of `batch_size`, round-robin over the streams of `prefix`."""
    streams = [f"{prefix}-{i:03d}" for i in range(STREAMS)]
    versions = dict.fromkeys(streams, 0)
    out: list[Batch] = []
    for index in range(count // batch_size):
        stream = streams[index % STREAMS]
        version = versions[stream]
        events = [_event(stream, version + k + 1) for k in range(batch_size)]
        out.append(Batch(stream, version, events))
        versions[stream] = version + batch_size
    return out


def _event(stream_id: str, seq: int) -> NewEvent:
    # occurred_at stated, as every peer stores it: the store would otherwise use its own clock
    return NewEvent(
        type=EVENT_TYPE, data=payload(stream_id, seq), metadata=metadata(stream_id, seq),
        occurred_at=_CLOCK.now(),
    )  # fmt: skip


def event_count(work: list[Batch]) -> int:
    """How many events a workload holds."""
    return sum(len(b.events) for b in work)


def stream_uuid(stream_id: str) -> uuid.UUID:
    """A stable UUID for a stream id (the eventsourcing library keys streams by UUID)."""
    return uuid.uuid5(STREAM_NAMESPACE, stream_id)


def stored_state(event: NewEvent) -> bytes:
    """What the eventsourcing peer stores: the same data and metadata as one JSON document."""
    body = {
        "data": event.data,
        "metadata": event.metadata.to_dict(),
        "event_id": str(event.event_id),
        "occurred_at": event.occurred_at.isoformat(),
        "schema_version": event.schema_version,
    }
    return canonical_json(body).encode("utf-8")


def event_rows(work: list[Batch], first_position: int) -> list[list[tuple[Any, ...]]]:
    """The rows our store would write, hash chain included, computed up front (raw peers)."""
    heads: dict[str, str] = {}
    position = first_position
    out: list[list[tuple[Any, ...]]] = []
    for batch in work:
        rows = []
        for offset, event in enumerate(batch.events, start=1):
            position += 1
            prev = heads.get(batch.stream_id, GENESIS_HASH)
            row = _row(batch.stream_id, batch.expected_version + offset, position, prev, event)
            heads[batch.stream_id] = row[-1]
            rows.append(row)
        out.append(rows)
    return out


def _row(stream_id: str, version: int, position: int, prev: str, e: NewEvent) -> tuple[Any, ...]:
    meta = e.metadata.to_dict()
    digest = event_hash(
        prev_hash=prev, event_id=e.event_id, stream_id=stream_id, stream_version=version,
        type=e.type, schema_version=e.schema_version, occurred_at=e.occurred_at,
        recorded_at=e.occurred_at, data=e.data, metadata=meta,
    )  # fmt: skip
    return (
        position, e.event_id, stream_id, version, e.type, e.schema_version, e.occurred_at,
        e.occurred_at, canonical_json(e.data), canonical_json(meta), prev, digest,
    )  # fmt: skip


EVENT_COLUMNS = (
    "position", "event_id", "stream_id", "stream_version", "type", "schema_version",
    "occurred_at", "recorded_at", "data", "metadata", "prev_hash", "hash",
)  # fmt: skip
