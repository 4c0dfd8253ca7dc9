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
    event_type: str = row["type"]
    headers = [
        ("ce_specversion", _SPEC),
        ("ce_id", str(row["event_id"]).encode()),
        ("ce_source", source),
        ("ce_type", event_type.encode()),
        ("ce_time", row["occurred_at"].encode()),
        ("ce_subject", row["stream_id"].encode()),
        ("content-type", _CONTENT_TYPE),
        ("ce_dataschema", dataschema(event_type, row["schema_version"]).encode()),
        ("ce_schemaversion", str(row["schema_version"]).encode()),
        ("ce_streamid", row["stream_id"].encode()),
        ("ce_streamversion", str(row["stream_version"]).encode()),
        ("ce_position", str(row["position"]).encode()),
        ("ce_recordedat", row["recorded_at"].encode()),
        ("ce_actor", row["actor"].encode()),
        ("ce_channel", row["channel"].encode()),
    ]
    for header, name in OPTIONAL_METADATA.items():
        value = row[name]
        if value is not None:
            headers.append((header, value.encode()))
    headers += [
        ("ce_prevhash", row["prev_hash"].encode()),
        ("ce_hash", row["hash"].encode()),
        ("ce_brokerepoch", epoch),
    ]
    if row["trace_context"] is not None:  # W3C trace context, as CloudEvents' tracing extension
        headers.append((TRACEPARENT, row["trace_context"].encode()))
    key = (row["case_id"] or row["stream_id"]).encode()
    return KafkaRecord(key=key, value=row["data"].encode(), headers=headers)


_SPEC = SPEC_VERSION.encode()
_CONTENT_TYPE = CONTENT_TYPE.encode()
