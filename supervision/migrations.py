"""Supervision's schema: the kernel tables plus the cross-service audit trail."""

from __future__ import annotations

from shared.db import Migration
from shared.eventstore.schema import KERNEL_MIGRATIONS
from supervision.detectors.funds import FUNDS_MIGRATIONS
from supervision.detectors.tables import DETECTOR_MIGRATIONS
from supervision.projections.alerts import ALERT_MIGRATIONS
from supervision.projections.complaints import COMPLAINT_MIGRATIONS
from supervision.projections.hazards import HAZARD_MIGRATIONS
from supervision.projections.rectifications import RECTIFICATION_MIGRATIONS
from supervision.projections.subscriptions import SUBSCRIPTION_MIGRATIONS

MIGRATIONS: tuple[Migration, ...] = (
    *KERNEL_MIGRATIONS,
    Migration(
        "supervision-0001-audit-trail",
        (
            """
            CREATE TABLE audit_trail (
                event_id uuid PRIMARY KEY,
                case_id text NOT NULL,
                service text NOT NULL,
                stream_id text NOT NULL,
                stream_version integer NOT NULL,
                position bigint NOT NULL,
                type text NOT NULL,
                schema_version integer NOT NULL,
                occurred_at timestamptz NOT NULL,
                recorded_at timestamptz NOT NULL,
                data jsonb NOT NULL,
                metadata jsonb NOT NULL,
                prev_hash text NOT NULL,
                hash text NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (service, stream_id, stream_version)
            )
            """,
            "CREATE INDEX audit_trail_case_idx"
            " ON audit_trail (case_id, recorded_at, service, position)",
            """
            CREATE TABLE case_index (
                case_id text PRIMARY KEY,
                division_code text NOT NULL,
                first_seen_at timestamptz NOT NULL DEFAULT now()
            )
            """,
        ),
    ),
    Migration(
        "supervision-0002-digests",
        (
            """
            CREATE TABLE digest_leaves (
                service text NOT NULL,
                position bigint NOT NULL,
                leaf text NOT NULL,
                digest_sequence integer NOT NULL,
                PRIMARY KEY (service, position)
            )
            """,
            "CREATE INDEX audit_trail_service_position_idx ON audit_trail (service, position)",
        ),
    ),
    Migration(
        "supervision-0002-trail-links",
        (
            # A stream about other cases besides its own (a complaint about a case, an alert
            # naming several): it belongs to each named case's trail too (SUP-1)
            """
            CREATE TABLE trail_links (
                case_id text NOT NULL,
                service text NOT NULL,
                stream_id text NOT NULL,
                PRIMARY KEY (case_id, service, stream_id)
            )
            """,
        ),
    ),
    *COMPLAINT_MIGRATIONS,
    *DETECTOR_MIGRATIONS,
    *ALERT_MIGRATIONS,
    *RECTIFICATION_MIGRATIONS,
    *HAZARD_MIGRATIONS,
    *FUNDS_MIGRATIONS,
    *SUBSCRIPTION_MIGRATIONS,
)
