"""The append path in raw SQL: a head read, one set-based insert that re-checks the head.

Two ways to give events their global positions in commit order (ADR 0002, ADR 0010):

- under the lock, now: the head is read in the statement that takes the append lock, so its
  snapshot may predate the lock; the insert runs in a fresh snapshot under the lock, numbers the
  batch after the highest position and inserts nothing unless the head is still what we chained
  onto, in which case the head is re-read and the batch re-chained. The lock is then held until
  the transaction ends, so this suits appends in their own short transaction.
- at commit: the batch is inserted with temporary negative positions and no lock; a deferred
  constraint trigger takes the lock inside COMMIT and renumbers the transaction's rows after the
  highest position. The lock is held for the server's commit work only, never across a client
  round trip, so this suits appends inside a wider unit of work (idempotency record, inbox).
  A concurrent append to the same stream meets the (stream_id, stream_version) unique index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from shared.canonical import canonical_json, canonical_string
from shared.eventstore.envelope import NewEvent, RecordedEvent
from shared.eventstore.hashing import (
    GENESIS_HASH,
    CanonicalEvent,
    canonical_instant,
    linked_digest,
)

# Holding the append lock, a transaction gives way rather than wait on another's row: that one
# may be waiting for the lock inside its COMMIT, a deadlock PostgreSQL would break only after
# deadlock_timeout, with every commit of the service queued behind the lock meanwhile. So the
# statement that takes the lock also bounds the transaction's lock waits from then on.
HOLDER_LOCK_TIMEOUT = "100ms"
LOCK_AND_HEAD = """
SELECT pg_advisory_xact_lock($1) AS locked, set_config('lock_timeout', $3, true) AS bounded,
    h.stream_version, h.hash
FROM (SELECT 1) AS one
LEFT JOIN LATERAL (
    SELECT stream_version, hash FROM events WHERE stream_id = $2
    ORDER BY stream_version DESC LIMIT 1
) AS h ON true
"""

HEAD = """
SELECT stream_version, hash FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1
"""

PENDING_POSITIONS = "events_pending_position"
STREAM_VERSION_UNIQUE = "events_stream_id_stream_version_key"

_INSERT_IF_HEAD = """
INSERT INTO events (position, event_id, stream_id, stream_version, type, schema_version,
    occurred_at, recorded_at, data, metadata, prev_hash, hash, trace_context)
SELECT {position}, e.event_id, $1, e.stream_version, e.type, e.schema_version,
    e.occurred_at, $2, e.data::jsonb, e.metadata::jsonb, e.prev_hash, e.hash, e.trace_context
FROM unnest($3::uuid[], $4::int[], $5::text[], $6::int[], $7::timestamptz[], $8::text[],
            $9::text[], $10::text[], $11::text[], $13::text[])
    WITH ORDINALITY AS e(event_id, stream_version, type, schema_version, occurred_at, data,
                         metadata, prev_hash, hash, trace_context, ord){top}
WHERE coalesce((SELECT max(stream_version) FROM events WHERE stream_id = $1), 0) = $12
RETURNING position
"""
_TOP = ",\n    (SELECT coalesce(max(position), 0) AS top FROM events WHERE position > 0) AS base"
INSERT_IF_HEAD = _INSERT_IF_HEAD.format(position="base.top + e.ord", top=_TOP)
LOCK = "SELECT pg_advisory_xact_lock($1), set_config('lock_timeout', $2, true)"
HEADS = """
SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash FROM events
WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version DESC
"""
EXISTING = """
SELECT stream_id FROM events WHERE stream_id = ANY($1::text[]) AND stream_version = 1
"""
# many streams at once, under the lock already held: every head was checked in Python
INSERT_MANY = """
INSERT INTO events (position, event_id, stream_id, stream_version, type, schema_version,
    occurred_at, recorded_at, data, metadata, prev_hash, hash, trace_context)
SELECT base.top + e.ord, e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version,
    e.occurred_at, $1, e.data::jsonb, e.metadata::jsonb, e.prev_hash, e.hash, $12
FROM unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::int[], $7::timestamptz[],
            $8::text[], $9::text[], $10::text[], $11::text[])
    WITH ORDINALITY AS e(event_id, stream_id, stream_version, type, schema_version, occurred_at,
                         data, metadata, prev_hash, hash, ord),
    (SELECT coalesce(max(position), 0) AS top FROM events WHERE position > 0) AS base
RETURNING position
"""
INSERT_PENDING_IF_HEAD = _INSERT_IF_HEAD.format(
    position=f"-nextval('{PENDING_POSITIONS}')",
    top="",  # numbered at commit: no top to read
)


@dataclass(frozen=True)
class ChainedBatch:
    """A batch hashed onto a stream head, with the canonical texts that were hashed and stored."""

    stream_id: str
    base_version: int
    recorded_at: datetime
    events: Sequence[NewEvent]
    data_json: list[str]
    metadata_json: list[str]
    prev_hashes: list[str]
    hashes: list[str]
    trace_context: str | None = None  # the appender's W3C traceparent; not hashed

    def insert_args(self) -> tuple[Any, ...]:
        """The parameters of INSERT_IF_HEAD."""
        return (
            self.stream_id,
            self.recorded_at,
            [e.event_id for e in self.events],
            [self.base_version + i for i in range(1, len(self.events) + 1)],
            [e.type for e in self.events],
            [e.schema_version for e in self.events],
            [e.occurred_at or self.recorded_at for e in self.events],
            self.data_json,
            self.metadata_json,
            self.prev_hashes,
            self.hashes,
            self.base_version,
            [self.trace_context] * len(self.events),
        )

    def recorded(self, positions: Sequence[int]) -> list[RecordedEvent]:
        """The batch as recorded events, given the positions of its events in order."""
        return [
            RecordedEvent(
                event_id=new.event_id,
                type=new.type,
                schema_version=new.schema_version,
                stream_id=self.stream_id,
                stream_version=self.base_version + i + 1,
                position=positions[i],
                occurred_at=new.occurred_at or self.recorded_at,
                recorded_at=self.recorded_at,
                data=new.data,
                metadata=new.metadata,
                prev_hash=self.prev_hashes[i],
                hash=self.hashes[i],
            )
            for i, new in enumerate(self.events)
        ]


def many_insert_args(batches: Sequence[ChainedBatch]) -> tuple[Any, ...]:
    """The parameters of INSERT_MANY: the batches' events concatenated in order."""
    events = [(b, i, e) for b in batches for i, e in enumerate(b.events)]
    return (
        batches[0].recorded_at,
        [e.event_id for _, _, e in events],
        [b.stream_id for b, _, _ in events],
        [b.base_version + i + 1 for b, i, _ in events],
        [e.type for _, _, e in events],
        [e.schema_version for _, _, e in events],
        [e.occurred_at or b.recorded_at for b, _, e in events],
        [t for b in batches for t in b.data_json],
        [t for b in batches for t in b.metadata_json],
        [h for b in batches for h in b.prev_hashes],
        [h for b in batches for h in b.hashes],
        batches[0].trace_context,
    )


def chain(
    stream_id: str,
    events: Sequence[NewEvent],
    version: int | None,
    prev_hash: str | None,
    recorded_at: datetime,
    trace_context: str | None = None,
) -> ChainedBatch:
    """Hash a batch onto the stream head (version, hash); (None, None) is an empty stream."""
    base = version or 0
    link = prev_hash or GENESIS_HASH
    batch = ChainedBatch(stream_id, base, recorded_at, events, [], [], [], [], trace_context)
    recorded_text, stream_text = canonical_instant(recorded_at), canonical_string(stream_id)
    metadata_texts: dict[int, str] = {}  # a batch usually shares one metadata object
    for offset, new in enumerate(events, start=1):
        data_json = canonical_json(new.data)
        metadata_json = metadata_texts.get(id(new.metadata))
        if metadata_json is None:
            metadata_json = new.metadata.canonical_text()
            metadata_texts[id(new.metadata)] = metadata_json
        digest = linked_digest(
            link,
            CanonicalEvent(
                data_json,
                str(new.event_id),
                metadata_json,
                canonical_instant(new.occurred_at or recorded_at),
                recorded_text,
                new.schema_version,
                stream_text,
                base + offset,
                _type_text(new.type),
            ),
        )
        batch.data_json.append(data_json)
        batch.metadata_json.append(metadata_json)
        batch.prev_hashes.append(link)
        batch.hashes.append(digest)
        link = digest
    return batch


@lru_cache(maxsize=1024)
def _type_text(type_name: str) -> str:
    return canonical_string(type_name)
