"""The relay's read of the event log, shaped for publication with no JSON round trip.

The relay needs each event as CloudEvents headers and a JSON value. Reading it as a
`RecordedEvent` would parse the stored JSON only to serialise it again; here PostgreSQL hands over
the data and every header value already as UTF-8 bytes (bytea), so Python neither decodes nor
encodes a field. The JSON text is jsonb's rendering, not the canonical one: consumers parse it,
and the hash is verified over the parsed value. The batch after the current one is read while the
current one is in flight (`OutboxRelay._read_ahead`).
"""

from __future__ import annotations

import uuid
from typing import Any, NamedTuple

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
SELECT position, event_id, convert_to(event_id::text, 'UTF8') AS ce_id,
    convert_to(position::text, 'UTF8') AS ce_position, convert_to(stream_id, 'UTF8') AS stream_id,
    convert_to(stream_version::text, 'UTF8') AS stream_version, type, schema_version,
    convert_to(to_char(occurred_at AT TIME ZONE 'UTC', {_UTC_MICROS}), 'UTF8') AS occurred_at,
    convert_to(to_char(recorded_at AT TIME ZONE 'UTC', {_UTC_MICROS}), 'UTF8') AS recorded_at,
    convert_to(data::text, 'UTF8') AS data,
    convert_to((metadata->'actor')::text, 'UTF8') AS actor,
    convert_to(metadata->>'channel', 'UTF8') AS channel,
    convert_to(metadata->>'reason', 'UTF8') AS reason,
    convert_to(metadata->>'correlation_id', 'UTF8') AS correlation_id,
    convert_to(metadata->>'causation_id', 'UTF8') AS causation_id,
    convert_to(metadata->>'case_id', 'UTF8') AS case_id,
    convert_to(prev_hash, 'UTF8') AS prev_hash, convert_to(hash, 'UTF8') AS hash,
    convert_to(trace_context, 'UTF8') AS trace_context
FROM events WHERE position > $1 ORDER BY position LIMIT $2
"""


class OutboxEvent(NamedTuple):
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
    types: dict[tuple[str, int], _TypeHeaders] = {}
    return [OutboxEvent(r[0], r[1], _record(r, source, epoch, types)) for r in rows]


_TypeHeaders = tuple[tuple[str, bytes], tuple[str, bytes], tuple[str, bytes]]


def _type_headers(event_type: str, schema_version: int) -> _TypeHeaders:
    """The headers an event's type and schema version give, built once per type in a batch."""
    return (
        ("ce_type", event_type.encode()),
        ("ce_dataschema", dataschema(event_type, schema_version).encode()),
        ("ce_schemaversion", str(schema_version).encode()),
    )


def _record(
    row: Any, source: bytes, epoch: bytes, types: dict[tuple[str, int], _TypeHeaders]
) -> KafkaRecord:
    """One row of OUTBOX_QUERY as a Kafka record (unpacked at once: by-name lookups cost more).

    PostgreSQL hands over every header value as UTF-8 bytes (bytea): no decoding to str and
    encoding back per field."""
    (
        _,
        _,
        ce_id,
        ce_position,
        stream_id,
        stream_version,
        event_type,
        schema_version,
        occurred_at,
        recorded_at,
        data,
        actor,
        channel,
        reason,
        correlation_id,
        causation_id,
        case_id,
        prev_hash,
        hash_,
        trace_context,
    ) = row
    type_headers = types.get((event_type, schema_version))
    if type_headers is None:
        type_headers = types[event_type, schema_version] = _type_headers(event_type, schema_version)
    ce_type, ce_dataschema, ce_schemaversion = type_headers
    headers = [
        _SPEC_HEADER,
        ("ce_id", ce_id),
        ("ce_source", source),
        ce_type,
        ("ce_time", occurred_at),
        ("ce_subject", stream_id),
        _CONTENT_TYPE_HEADER,
        ce_dataschema,
        ce_schemaversion,
        ("ce_streamid", stream_id),
        ("ce_streamversion", stream_version),
        ("ce_position", ce_position),
        ("ce_recordedat", recorded_at),
        ("ce_actor", actor),
        ("ce_channel", channel),
    ]
    optional = (reason, correlation_id, causation_id, case_id)  # OPTIONAL_METADATA's order
    for header, value in zip(_OPTIONAL_HEADERS, optional, strict=True):
        if value is not None:
            headers.append((header, value))
    headers += [("ce_prevhash", prev_hash), ("ce_hash", hash_), ("ce_brokerepoch", epoch)]
    if trace_context is not None:  # W3C trace context, as CloudEvents' tracing extension
        headers.append((TRACEPARENT, trace_context))
    return KafkaRecord(key=case_id or stream_id, value=data, headers=headers)


_SPEC_HEADER = ("ce_specversion", SPEC_VERSION.encode())
_CONTENT_TYPE_HEADER = ("content-type", CONTENT_TYPE.encode())
_OPTIONAL_HEADERS = tuple(OPTIONAL_METADATA)  # reason, correlation, causation, case: as unpacked
