"""The relay's read of the event log, shaped for publication with no JSON round trip.

The relay needs each event as CloudEvents headers and a JSON value. Reading it as a
`RecordedEvent` would parse the stored JSON only to serialise it again; here PostgreSQL hands over
the data as text and the header values as strings. The JSON text is jsonb's rendering, not the
canonical one: consumers parse it, and the hash is verified over the parsed value.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from shared.messaging.cloudevents import (
    CONTENT_TYPE,
    OPTIONAL_METADATA,
    SOURCE_PREFIX,
    SPEC_VERSION,
    KafkaRecord,
    dataschema,
)
from shared.tracing import TRACEPARENT

_UTC_MICROS = '\'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"\''

OUTBOX_QUERY = f"""
SELECT position, event_id, stream_id, stream_version, type, schema_version,
    to_char(occurred_at AT TIME ZONE 'UTC', {_UTC_MICROS}) AS occurred_at,
    to_char(recorded_at AT TIME ZONE 'UTC', {_UTC_MICROS}) AS recorded_at,
    data::text AS data, (metadata->'actor')::text AS actor, metadata->>'channel' AS channel,
    metadata->>'reason' AS reason, metadata->>'correlation_id' AS correlation_id,
    metadata->>'causation_id' AS causation_id, metadata->>'case_id' AS case_id,
    prev_hash, hash, trace_context
FROM events WHERE position > $1 ORDER BY position LIMIT $2
"""


@dataclass(frozen=True)
class OutboxEvent:
    """One event ready to send: its log position, its id and its Kafka record."""

    position: int
    event_id: uuid.UUID
    record: KafkaRecord


async def read_outbox(
    engine: AsyncEngine, after: int, limit: int, service: str, broker_epoch: int
) -> list[OutboxEvent]:
    """Events after a position, in log order, encoded for the topic."""
    async with engine.connect() as conn:
        raw = (await conn.get_raw_connection()).driver_connection
        assert raw is not None, "the outbox read needs the asyncpg driver connection"
        rows = await raw.fetch(OUTBOX_QUERY, after, limit)
    source = (SOURCE_PREFIX + service).encode()
    epoch = str(broker_epoch).encode()
    return [OutboxEvent(r[0], r[1], _record(r, source, epoch)) for r in rows]


def _record(row: Any, source: bytes, epoch: bytes) -> KafkaRecord:
    """One row of OUTBOX_QUERY as a Kafka record (unpacked at once: by-name lookups cost more)."""
    (position, event_id, stream_id, stream_version, event_type, schema_version, occurred_at,
     recorded_at, data, actor, channel, reason, correlation_id, causation_id, case_id, prev_hash,
     hash_, trace_context) = row  # fmt: skip
    stream = stream_id.encode()
    headers = [
        ("ce_specversion", _SPEC),
        ("ce_id", str(event_id).encode()),
        ("ce_source", source),
        ("ce_type", event_type.encode()),
        ("ce_time", occurred_at.encode()),
        ("ce_subject", stream),
        ("content-type", _CONTENT_TYPE),
        ("ce_dataschema", dataschema(event_type, schema_version).encode()),
        ("ce_schemaversion", str(schema_version).encode()),
        ("ce_streamid", stream),
        ("ce_streamversion", str(stream_version).encode()),
        ("ce_position", str(position).encode()),
        ("ce_recordedat", recorded_at.encode()),
        ("ce_actor", actor.encode()),
        ("ce_channel", channel.encode()),
    ]
    optional = (reason, correlation_id, causation_id, case_id)  # OPTIONAL_METADATA's order
    for header, value in zip(_OPTIONAL_HEADERS, optional, strict=True):
        if value is not None:
            headers.append((header, value.encode()))
    headers += [
        ("ce_prevhash", prev_hash.encode()),
        ("ce_hash", hash_.encode()),
        ("ce_brokerepoch", epoch),
    ]
    if trace_context is not None:  # W3C trace context, as CloudEvents' tracing extension
        headers.append((TRACEPARENT, trace_context.encode()))
    key = case_id.encode() if case_id else stream
    return KafkaRecord(key=key, value=data.encode(), headers=headers)


_SPEC = SPEC_VERSION.encode()
_CONTENT_TYPE = CONTENT_TYPE.encode()
_OPTIONAL_HEADERS = tuple(OPTIONAL_METADATA)  # reason, correlation, causation, case: as unpacked
