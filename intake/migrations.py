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
    Migration(
        "intake-0002-routing-registry-deadlines",
        (
            "ALTER TABLE applications_view ADD COLUMN routes jsonb NOT NULL DEFAULT '[]',"
            " ADD COLUMN declared_assets_fen bigint NOT NULL DEFAULT 0,"
            " ADD COLUMN staff_relative boolean NOT NULL DEFAULT false",
            "CREATE INDEX applications_view_page_idx ON applications_view (accepted_at,"
            " application_id)",
            """
            CREATE TABLE open_claims (
                resident_id text NOT NULL,
                programme text NOT NULL,
                application_id text NOT NULL,
                PRIMARY KEY (resident_id, programme)
            )
            """,
            "CREATE INDEX open_claims_application_idx ON open_claims (application_id)",
            """
            CREATE TABLE household_members (
                resident_id text NOT NULL,
                application_id text NOT NULL,
                household_head text NOT NULL,
                division_code text NOT NULL,
                PRIMARY KEY (resident_id, application_id)
            )
            """,
            "CREATE INDEX household_members_application_idx ON household_members (application_id)",
            """
            CREATE TABLE staff_relatives_view (
                application_id text NOT NULL,
                member_resident_id text NOT NULL,
                division_code text NOT NULL,
                official_name text NOT NULL,
                official_role text NOT NULL,
                official_org text NOT NULL,
                kinship text NOT NULL,
                declared_at timestamptz NOT NULL,
                PRIMARY KEY (application_id, member_resident_id, official_name)
            )
            """,
            """
            CREATE TABLE referrals_view (
                referral_id text PRIMARY KEY,
                version integer NOT NULL,
                first_office_division text NOT NULL,
                to_agency text NOT NULL,
                to_division text NOT NULL,
                status text NOT NULL,
                overdue boolean NOT NULL DEFAULT false,
                received_on date NOT NULL,
                acknowledge_by date NOT NULL
            )
            """,
            "CREATE INDEX referrals_view_due_idx ON referrals_view (status, acknowledge_by)",
            """
            CREATE TABLE urgent_cases_view (
                urgent_case_id text PRIMARY KEY,
                version integer NOT NULL,
                division_code text NOT NULL,
                reporter text NOT NULL,
                status text NOT NULL,
                overdue boolean NOT NULL DEFAULT false,
                reported_at timestamptz NOT NULL,
                respond_by timestamptz NOT NULL,
                prior_assistance_fen bigint NOT NULL DEFAULT 0,
                charity_help_fen bigint NOT NULL DEFAULT 0
            )
            """,
            "CREATE INDEX urgent_cases_view_due_idx ON urgent_cases_view (status, respond_by)",
        ),
    ),
    Migration(
        "intake-0003-bank-account-holder",
        (
            # SUP-3: who holds the account (optional; null for applications without it)
            "ALTER TABLE applications_view ADD COLUMN bank_account_holder jsonb",
        ),
    ),
    Migration(
        "intake-0004-green-channel",
        (
            # INT-7: the urban dibao standards payments published, and one grant of a programme
            # per person and month across urgent cases
            """
            CREATE TABLE urban_standards (
                division_code text NOT NULL,
                effective_from date NOT NULL,
                monthly_per_person_fen bigint NOT NULL,
                PRIMARY KEY (division_code, effective_from)
            )
            """,
            """
            CREATE TABLE prior_grants (
                resident_id text NOT NULL,
                programme text NOT NULL,
                month text NOT NULL,
                urgent_case_id text NOT NULL,
                PRIMARY KEY (resident_id, programme, month)
            )
            """,
            "ALTER TABLE urgent_cases_view ADD COLUMN follow_up_application_id text,"
            " ADD COLUMN verification_due date",
        ),
    ),
    Migration(
        "intake-0005-outreach",
        (
            # INT-11: visit campaigns and their visits; aid points, rough sleepers and their help
            """
            CREATE TABLE visit_campaigns_view (
                campaign_id text PRIMARY KEY,
                version integer NOT NULL,
                division_code text NOT NULL,
                title text NOT NULL,
                groups jsonb NOT NULL,
                starts_on date NOT NULL,
                ends_on date NOT NULL,
                planned_by text NOT NULL,
                visits integer NOT NULL DEFAULT 0,
                needs_found integer NOT NULL DEFAULT 0,
                referrals integer NOT NULL DEFAULT 0,
                applications integer NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE TABLE visits_view (
                visit_id text PRIMARY KEY,
                campaign_id text NOT NULL,
                division_code text NOT NULL,
                visited_group text NOT NULL,
                resident_id text NOT NULL,
                visited_on date NOT NULL,
                needs jsonb NOT NULL,
                help_given text,
                recorded_by text NOT NULL
            )
            """,
            "CREATE INDEX visits_view_campaign_idx ON visits_view (campaign_id, visited_on,"
            " visit_id)",
            """
            CREATE TABLE aid_points_view (
                aid_point_id text PRIMARY KEY,
                version integer NOT NULL,
                division_code text NOT NULL,
                kind text NOT NULL,
                label text NOT NULL,
                location text NOT NULL,
                seasons jsonb NOT NULL,
                closed_on date
            )
            """,
            """
            CREATE TABLE rough_sleepers_view (
                record_id text PRIMARY KEY,
                version integer NOT NULL,
                division_code text NOT NULL,
                resident_id text,
                person_id text,
                appearance text,
                found_address text,
                stated_name text,
                registered_at timestamptz NOT NULL,
                identified_on date
            )
            """,
            "CREATE INDEX rough_sleepers_view_person_idx ON rough_sleepers_view (person_id)",
            """
            CREATE TABLE rough_sleeper_help_view (
                help_id text PRIMARY KEY,
                record_id text NOT NULL,
                aid_point_id text NOT NULL,
                aid_point_division text NOT NULL,
                given_on date NOT NULL,
                kinds jsonb NOT NULL
            )
            """,
            "CREATE INDEX rough_sleeper_help_view_record_idx ON rough_sleeper_help_view"
            " (record_id, given_on, help_id)",
        ),
    ),
)
