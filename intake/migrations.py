"""Intake's schema: the kernel tables plus its read models."""

from __future__ import annotations

from shared.db import Migration
from shared.eventstore.schema import KERNEL_MIGRATIONS

MIGRATIONS: tuple[Migration, ...] = (
    *KERNEL_MIGRATIONS,
    Migration(
        "intake-0001-applications-view",
        (
            """
            CREATE TABLE applications_view (
                application_id text PRIMARY KEY,
                version integer NOT NULL,
                division_code text NOT NULL,
                registration text NOT NULL,
                programmes jsonb NOT NULL,
                status text NOT NULL,
                members jsonb NOT NULL,
                declared_monthly_income_fen bigint NOT NULL,
                accepted_by text NOT NULL,
                accepted_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX applications_view_division_idx ON applications_view (division_code)",
        ),
    ),
)
