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

MIGRATIONS = (
    *MIGRATIONS,
    Migration(
        "verification-0002-case-stages",
        (
            """
            ALTER TABLE cases_view
                ADD COLUMN opened_on date,
                ADD COLUMN updated_at timestamptz,
                ADD COLUMN members jsonb NOT NULL DEFAULT '[]',
                ADD COLUMN assessed_income_fen bigint,
                ADD COLUMN follow_up boolean NOT NULL DEFAULT false,
                ADD COLUMN proposed_on date,
                ADD COLUMN proposed_amount_fen bigint,
                ADD COLUMN batch_id text,
                ADD COLUMN notice_ends date,
                ADD COLUMN village_code text,
                ADD COLUMN approved_amount_fen bigint,
                ADD COLUMN next_review_due date,
                ADD COLUMN overdue text[] NOT NULL DEFAULT '{}'
            """,
            "CREATE INDEX cases_view_stage_idx ON cases_view (stage, division_code)",
        ),
    ),
)

MIGRATIONS = (
    *MIGRATIONS,
    Migration(
        "verification-0003-extended-deadline",
        ("ALTER TABLE cases_view ADD COLUMN extended boolean NOT NULL DEFAULT false",),
    ),
)

MIGRATIONS = (
    *MIGRATIONS,
    Migration(
        "verification-0004-batches-view",
        (
            """
            CREATE TABLE batches_view (
                batch_id text PRIMARY KEY,
                version integer NOT NULL,
                county_code text NOT NULL,
                township_code text NOT NULL,
                households integer NOT NULL,
                sample text[] NOT NULL,
                visited text[] NOT NULL,
                formed_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX batches_view_township_idx ON batches_view (township_code, batch_id)",
        ),
    ),
)

MIGRATIONS = (
    *MIGRATIONS,
    Migration(
        "verification-0005-green-channel",
        (
            "ALTER TABLE cases_view ADD COLUMN decide_by date",
            """
            CREATE TABLE prior_assistance_due (
                case_id text NOT NULL,
                programme text NOT NULL,
                due_on date NOT NULL,
                prior_programme text NOT NULL,
                PRIMARY KEY (case_id, programme)
            )
            """,
        ),
    ),
)

MIGRATIONS = (
    *MIGRATIONS,
    Migration(
        "verification-0006-periodic-review",
        ("ALTER TABLE cases_view ADD COLUMN stage_before_recheck text",),
    ),
)

MIGRATIONS = (
    *MIGRATIONS,
    Migration(
        "verification-0007-life-events",
        (
            """
            CREATE TABLE case_members (
                resident_id text NOT NULL,
                case_id text NOT NULL,
                programme text NOT NULL,
                relation text NOT NULL,
                division_code text NOT NULL,
                PRIMARY KEY (resident_id, case_id, programme)
            )
            """,
            # Every partner record received, once per (department, its record id): a repeat
            # answers what the first did and changes nothing.
            """
            CREATE TABLE life_events_received (
                department text NOT NULL,
                source_ref text NOT NULL,
                kind text NOT NULL,
                died_on date,
                outcome text NOT NULL,
                cases_affected integer NOT NULL,
                received_at timestamptz NOT NULL,
                PRIMARY KEY (department, source_ref)
            )
            """,
        ),
    ),
)

MIGRATIONS = (
    *MIGRATIONS,
    Migration(
        "verification-0008-care-register",
        (
            """
            CREATE TABLE children_view (
                child_id text PRIMARY KEY,
                version integer NOT NULL,
                name text NOT NULL,
                resident_id_masked text NOT NULL,
                division_code text NOT NULL,
                category text NOT NULL,
                guardianship_status text NOT NULL,
                registered_on date NOT NULL,
                visits integer NOT NULL DEFAULT 0,
                last_visit_on date,
                follow_up_needed boolean NOT NULL DEFAULT false,
                allowance text
            )
            """,
            "CREATE INDEX children_view_division_idx ON children_view (division_code)",
            # One child per resident ID, claimed when the township registers (VER-10).
            """
            CREATE TABLE children_resident_ids (
                resident_id text PRIMARY KEY,
                child_id text NOT NULL
            )
            """,
            """
            CREATE TABLE inclusion_view (
                screening_id text PRIMARY KEY,
                version integer NOT NULL,
                name text NOT NULL,
                resident_id_masked text NOT NULL,
                division_code text NOT NULL,
                status text NOT NULL,
                unmet text[] NOT NULL,
                screened_on date NOT NULL,
                decided_on date
            )
            """,
            "CREATE INDEX inclusion_view_division_idx ON inclusion_view (division_code, status)",
        ),
    ),
)

MIGRATIONS = (
    *MIGRATIONS,
    Migration(
        "verification-0009-caseload-migrations",
        (
            # One row per import of a file into a scope (a county, or 62 for the province): its
            # progress moves in the same transaction as each batch of households (ADR 0037).
            """
            CREATE TABLE caseload_migrations (
                migration_id uuid PRIMARY KEY,
                source_sha256 text NOT NULL,
                scope text NOT NULL,
                file_name text NOT NULL,
                file_format text NOT NULL,
                imported_by jsonb NOT NULL,
                rows_total integer,
                status text NOT NULL,
                households_done integer NOT NULL DEFAULT 0,
                rows_done integer NOT NULL DEFAULT 0,
                households_imported integer NOT NULL DEFAULT 0,
                households_rejected integer NOT NULL DEFAULT 0,
                rows_rejected integer NOT NULL DEFAULT 0,
                started_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                finished_at timestamptz,
                UNIQUE (source_sha256, scope)
            )
            """,
            """
            CREATE TABLE caseload_migration_rejects (
                migration_id uuid NOT NULL REFERENCES caseload_migrations,
                row_number integer NOT NULL,
                field text NOT NULL,
                household_ref text NOT NULL,
                reason_zh text NOT NULL,
                reason_en text NOT NULL,
                PRIMARY KEY (migration_id, row_number, field)
            )
            """,
        ),
    ),
    Migration(
        "verification-0010-migrated-members",
        (
            # Who each import brought in, for which programme, in the batch's own transaction:
            # a later batch or file refuses the same person in the same programme at once,
            # without waiting for the projections (ADR 0037, amended)
            """
            CREATE TABLE migrated_members (
                resident_id text NOT NULL,
                programme text NOT NULL,
                case_id text NOT NULL,
                PRIMARY KEY (resident_id, programme, case_id)
            )
            """,
        ),
    ),
    Migration(
        "verification-0011-programme-holders",
        (
            # The import's register of whom it let through becomes the register of both guards:
            # the approval records there too (verification/application/holders.py)
            "ALTER TABLE migrated_members RENAME TO programme_holders",
        ),
    ),
    Migration(
        "verification-0012-benefit-amounts",
        (
            # The monthly amount payments computed for a benefit from each date (its
            # payments.EntitlementCalculated), so the notice shows the amount paid (VER-6)
            """
            CREATE TABLE benefit_amounts (
                case_id text NOT NULL,
                programme text NOT NULL,
                effective_from date NOT NULL,
                monthly_amount_fen bigint NOT NULL,
                PRIMARY KEY (case_id, programme, effective_from)
            )
            """,
        ),
    ),
)
