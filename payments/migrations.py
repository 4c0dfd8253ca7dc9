"""Payments' schema: the kernel tables plus its read models (no sequences: rebuildable)."""

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
    Migration(
        "payments-0002-standards-beneficiaries-payments-runs",
        (
            """
            CREATE TABLE standards_view (
                division_code text NOT NULL,
                programme text NOT NULL,
                version integer NOT NULL,
                effective_from date NOT NULL,
                monthly_per_person_fen bigint NOT NULL,
                floor_per_person_fen bigint NOT NULL,
                class_amounts_fen jsonb NOT NULL,
                set_by text NOT NULL,
                reason text,
                recorded_at timestamptz NOT NULL,
                PRIMARY KEY (division_code, programme, version)
            )
            """,
            """
            CREATE TABLE beneficiaries_view (
                case_id text NOT NULL,
                programme text NOT NULL,
                version integer NOT NULL,
                division_code text NOT NULL,
                county_code text NOT NULL,
                status text NOT NULL,
                monthly_amount_fen bigint NOT NULL,
                effective_from date NOT NULL,
                method text NOT NULL,
                explanation_en text NOT NULL,
                explanation_zh text NOT NULL,
                payee_name text NOT NULL,
                bank_account_masked text,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (case_id, programme)
            )
            """,
            "CREATE INDEX beneficiaries_view_county_idx"
            " ON beneficiaries_view (county_code, status)",
            """
            CREATE TABLE payments_view (
                payment_key text PRIMARY KEY,
                payment_id text NOT NULL,
                run_id text NOT NULL,
                case_id text NOT NULL,
                programme text NOT NULL,
                period text NOT NULL,
                division_code text NOT NULL,
                amount_fen bigint NOT NULL,
                monthly_fen bigint NOT NULL,
                back_pay_fen bigint NOT NULL,
                attempt integer NOT NULL,
                instruction_id text NOT NULL,
                payee_name text NOT NULL,
                bank_account text NOT NULL,
                status text NOT NULL,
                outcome text,
                bank_reason text,
                settled_at timestamptz,
                UNIQUE (case_id, programme, period)
            )
            """,
            "CREATE INDEX payments_view_run_idx ON payments_view (run_id, status)",
            """
            CREATE TABLE runs_view (
                run_id text PRIMARY KEY,
                county_code text NOT NULL,
                period text NOT NULL,
                status text NOT NULL,
                version integer NOT NULL,
                started_by text NOT NULL,
                started_at timestamptz NOT NULL,
                completed_at timestamptz,
                instructed integer NOT NULL DEFAULT 0,
                settled integer NOT NULL DEFAULT 0,
                settled_fen bigint NOT NULL DEFAULT 0,
                failed integer NOT NULL DEFAULT 0
            )
            """,
        ),
    ),
    Migration(
        "payments-0003-funds",
        (
            """
            CREATE TABLE funds_view (
                county_code text NOT NULL,
                programme text NOT NULL,
                source text NOT NULL,
                allocated_fen bigint NOT NULL,
                arrived_fen bigint NOT NULL,
                PRIMARY KEY (county_code, programme, source)
            )
            """,
        ),
    ),
    Migration(
        "payments-0004-price-subsidy-and-priority",
        (
            "ALTER TABLE payments_view ADD COLUMN price_subsidy_fen bigint NOT NULL DEFAULT 0",
            "ALTER TABLE payments_view ADD COLUMN priority integer NOT NULL DEFAULT 9",
        ),
    ),
    Migration(
        "payments-0005-care-standards",
        ("ALTER TABLE standards_view ADD COLUMN care_amounts_fen jsonb NOT NULL DEFAULT '{}'",),
    ),
    Migration(
        "payments-0006-run-keyset-indexes",
        # a run walks payables and pending payments in key order, a page at a time
        (
            "CREATE INDEX IF NOT EXISTS beneficiaries_view_payables_idx"
            " ON beneficiaries_view (county_code, status, case_id, programme)",
            "DROP INDEX IF EXISTS beneficiaries_view_county_idx",
            "CREATE INDEX IF NOT EXISTS payments_view_pending_idx"
            " ON payments_view (run_id, status, priority, payment_key)",
            "DROP INDEX IF EXISTS payments_view_run_idx",
        ),
    ),
    Migration(
        "payments-0007-run-partitions",
        # executor bookkeeping, not audit: a run's round (0, then one per retry of its failures)
        # is executed in `partitions` disjoint parts, each finished once (ADR 0013)
        (
            "CREATE TABLE IF NOT EXISTS run_partitions ("
            " run_id text NOT NULL, round integer NOT NULL,"
            " partitions integer NOT NULL CHECK (partitions > 0),"
            " finished integer[] NOT NULL DEFAULT '{}',"
            " PRIMARY KEY (run_id, round))",
        ),
    ),
    Migration(
        "payments-0008-payments-view-one-key",
        # the business key (case, programme, period) is the primary key; payment_key, the same
        # fact as one text, no longer keeps an index of its own to maintain on every write
        # (the new primary key's index is built once, when the migration runs at deploy)
        (
            "ALTER TABLE payments_view DROP CONSTRAINT payments_view_pkey",
            "ALTER TABLE payments_view DROP CONSTRAINT payments_view_case_id_programme_period_key",
            "ALTER TABLE payments_view ADD PRIMARY KEY (case_id, programme, period)",
        ),
    ),
    Migration(
        "payments-0009-stop-dates-and-unpayable",
        # a run selects by the stop date (a suspension from next month still pays this month),
        # and lists the beneficiaries it found due but could not pay (no bank account)
        (
            "ALTER TABLE beneficiaries_view ADD COLUMN IF NOT EXISTS stopped_from date",
            "CREATE INDEX IF NOT EXISTS beneficiaries_view_run_idx"
            " ON beneficiaries_view (county_code, case_id, programme) INCLUDE (stopped_from)",
            "CREATE TABLE IF NOT EXISTS run_unpayable ("
            " run_id text NOT NULL, case_id text NOT NULL, programme text NOT NULL,"
            " division_code text NOT NULL, reason text NOT NULL,"
            " PRIMARY KEY (run_id, case_id, programme))",
        ),
    ),
    Migration(
        "payments-0010-paid-by-partner",
        # assistance a partner agency decided and pays itself, for the household's history
        (
            "CREATE TABLE IF NOT EXISTS paid_by_partner_view ("
            " case_id text NOT NULL, programme text NOT NULL, agency text NOT NULL,"
            " division_code text NOT NULL, county_code text NOT NULL, decided_on date NOT NULL,"
            " amount_fen bigint, decided_by_org text NOT NULL, policy_basis text NOT NULL,"
            " reason text NOT NULL, recorded_at timestamptz NOT NULL,"
            " PRIMARY KEY (case_id, programme))",
        ),
    ),
    Migration(
        "payments-0011-run-channel",
        # a run pays through the bank's API or through a bank file and its return file (ADR 0038)
        ("ALTER TABLE runs_view ADD COLUMN IF NOT EXISTS channel text NOT NULL DEFAULT 'api'",),
    ),
    Migration(
        "payments-0012-run-funds",
        # what a run started without an override may still commit, per programme (PAY-7)
        (
            "CREATE TABLE IF NOT EXISTS run_funds ("
            " run_id text NOT NULL, programme text NOT NULL, cap_fen bigint NOT NULL,"
            " committed_fen bigint NOT NULL DEFAULT 0, PRIMARY KEY (run_id, programme))",
        ),
    ),
    Migration(
        "payments-0013-resumed-from",
        # a stop lifted from a later date (ADR 0066): the gap [stopped_from, resumed_from)
        ("ALTER TABLE beneficiaries_view ADD COLUMN IF NOT EXISTS resumed_from date",),
    ),
)
