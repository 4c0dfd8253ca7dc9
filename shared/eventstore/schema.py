"""The kernel's tables, present in every service's database."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Integer,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from shared.db import Migration

APPEND_LOCK_KEY = 7_310_002  # the advisory lock that serialises position assignment (ADR 0002)

metadata = MetaData()

events = Table(
    "events",
    metadata,
    Column("position", BigInteger, primary_key=True),
    Column("event_id", UUID(as_uuid=True), nullable=False, unique=True),
    Column("stream_id", Text, nullable=False),
    Column("stream_version", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("data", JSONB, nullable=False),
    Column("metadata", JSONB, nullable=False),
    Column("prev_hash", Text, nullable=False),
    Column("hash", Text, nullable=False),
    # trace_context (kernel-0004) is left out on purpose: it rides beside the event, not in it
)

KERNEL_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "kernel-0001-event-store",
        (
            """
            CREATE TABLE events (
                position bigint PRIMARY KEY,
                event_id uuid NOT NULL UNIQUE,
                stream_id text NOT NULL,
                stream_version integer NOT NULL CHECK (stream_version > 0),
                type text NOT NULL,
                schema_version integer NOT NULL,
                occurred_at timestamptz NOT NULL,
                recorded_at timestamptz NOT NULL,
                data jsonb NOT NULL,
                metadata jsonb NOT NULL,
                prev_hash text NOT NULL,
                hash text NOT NULL,
                UNIQUE (stream_id, stream_version)
            )
            """,
        ),
    ),
    Migration(
        "kernel-0002-messaging",
        (
            """
            CREATE TABLE relay_checkpoints (
                topic text PRIMARY KEY,
                position bigint NOT NULL,
                broker_epoch integer NOT NULL DEFAULT 0,
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE relay_marks (
                topic text NOT NULL,
                partition integer NOT NULL,
                "offset" bigint NOT NULL,
                event_id uuid NOT NULL,
                PRIMARY KEY (topic, partition)
            )
            """,
            """
            CREATE TABLE inbox (
                consumer_group text NOT NULL,
                event_id uuid NOT NULL,
                processed_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (consumer_group, event_id)
            )
            """,
            """
            CREATE TABLE consumer_partitions (
                consumer_group text NOT NULL,
                topic text NOT NULL,
                partition integer NOT NULL,
                broker_epoch integer NOT NULL,
                "offset" bigint NOT NULL,
                high_water bigint,
                updated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (consumer_group, topic, partition)
            )
            """,
            """
            CREATE TABLE dead_letters (
                id bigserial PRIMARY KEY,
                consumer_group text NOT NULL,
                event_id uuid NOT NULL,
                case_key text NOT NULL,
                event_type text NOT NULL,
                topic text NOT NULL,
                partition integer NOT NULL,
                "offset" bigint NOT NULL,
                status text NOT NULL CHECK (status IN ('dead', 'parked', 'resolved')),
                reason text NOT NULL,
                attempts integer NOT NULL,
                headers jsonb NOT NULL,
                value bytea NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                resolved_at timestamptz,
                UNIQUE (consumer_group, event_id)
            )
            """,
            "CREATE INDEX dead_letters_open_idx ON dead_letters (consumer_group, case_key)"
            " WHERE status <> 'resolved'",
        ),
    ),
    Migration(
        "kernel-0003-projections-and-http",
        (
            """
            CREATE TABLE projection_checkpoints (
                projection text PRIMARY KEY,
                position bigint NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE idempotency_keys (
                client_id text NOT NULL,
                key text NOT NULL,
                fingerprint text NOT NULL,
                status_code integer,
                response_body jsonb,
                response_headers jsonb,
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (client_id, key)
            )
            """,
            """
            CREATE TABLE access_denials (
                id bigserial PRIMARY KEY,
                at timestamptz NOT NULL DEFAULT now(),
                client_id text,
                role text,
                division text,
                method text NOT NULL,
                path text NOT NULL,
                code text NOT NULL,
                detail text NOT NULL
            )
            """,
        ),
    ),
    Migration(
        "kernel-0004-trace-context",
        # beside the event, outside its hash: the W3C traceparent of the span that appended it
        ("ALTER TABLE events ADD COLUMN IF NOT EXISTS trace_context text",),
    ),
    Migration(
        "kernel-0005-positions-at-commit",
        # ADR 0010: a row appended with a temporary negative position is numbered inside COMMIT,
        # under the append lock, after the highest committed position. Deferred row triggers
        # fire in insertion order, so a transaction's rows keep their order; each firing looks
        # up one key and the top of the index only (never a range of dead temporary rows).
        (
            "CREATE SEQUENCE IF NOT EXISTS events_pending_position",
            f"""
            CREATE OR REPLACE FUNCTION events_position_at_commit() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock({APPEND_LOCK_KEY});
                UPDATE events SET position = (
                    SELECT coalesce(max(position), 0) + 1 FROM events WHERE position > 0
                ) WHERE position = NEW.position;
                RETURN NULL;
            END $$
            """,
            "DROP TRIGGER IF EXISTS events_position_at_commit ON events",
            """
            CREATE CONSTRAINT TRIGGER events_position_at_commit AFTER INSERT ON events
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.position < 0)
            EXECUTE FUNCTION events_position_at_commit()
            """,
        ),
    ),
    Migration(
        "kernel-0006-places-register",
        # reference data, not an event stream (ADR 0019): townships and villages by code, loaded
        # by operators from CSV into every service's database; each load recorded with its file
        (
            """
            CREATE TABLE places_loads (
                id bigserial PRIMARY KEY,
                loaded_at timestamptz NOT NULL,
                loaded_by text NOT NULL,
                file_name text NOT NULL,
                sha256 text NOT NULL,
                row_count integer NOT NULL
            )
            """,
            """
            CREATE TABLE places (
                code text PRIMARY KEY,
                name text NOT NULL,
                level text NOT NULL CHECK (level IN ('township', 'village')),
                parent text NOT NULL,
                valid_from date NOT NULL,
                valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
                load_id bigint NOT NULL REFERENCES places_loads (id)
            )
            """,
            "CREATE INDEX places_parent_idx ON places (parent, code)",
        ),
    ),
    Migration(
        "kernel-0007-consumed-through",
        # ADR 0044: the store position through which every reader of the relay's topics has
        # committed, and which readers that was, so a broker loss republishes only the rest
        (
            "ALTER TABLE relay_checkpoints"
            " ADD COLUMN IF NOT EXISTS consumed_through bigint NOT NULL DEFAULT 0,"
            " ADD COLUMN IF NOT EXISTS consumed_by text NOT NULL DEFAULT ''",
        ),
    ),
)
