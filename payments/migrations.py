"""Payments' schema: the kernel tables plus its read models."""

from __future__ import annotations

from shared.db import Migration
from shared.eventstore.schema import KERNEL_MIGRATIONS

MIGRATIONS: tuple[Migration, ...] = (
    *KERNEL_MIGRATIONS,
    Migration(
        "payments-0001-case-pipeline",
        (
            """
            CREATE TABLE case_pipeline (
                case_id text PRIMARY KEY,
                division_code text NOT NULL,
                programmes jsonb NOT NULL,
                household_size integer NOT NULL,
                stage text NOT NULL,
                updated_at timestamptz NOT NULL
            )
            """,
        ),
    ),
)
