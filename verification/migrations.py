"""Verification's schema: the kernel tables plus its read models."""

from __future__ import annotations

from shared.db import Migration
from shared.eventstore.schema import KERNEL_MIGRATIONS

MIGRATIONS: tuple[Migration, ...] = (
    *KERNEL_MIGRATIONS,
    Migration(
        "verification-0001-cases-view",
        (
            """
            CREATE TABLE cases_view (
                case_id text NOT NULL,
                programme text NOT NULL,
                version integer NOT NULL,
                division_code text NOT NULL,
                stage text NOT NULL,
                household_size integer NOT NULL,
                opened_at timestamptz NOT NULL,
                PRIMARY KEY (case_id, programme)
            )
            """,
            "CREATE INDEX cases_view_division_idx ON cases_view (division_code)",
        ),
    ),
)
