"""Who may call each payments operation: the service's access table (shared/http/access.py).

Built from what the routes enforced (`require_roles` in payments/entrypoints); enforced for every
route before it runs, and the only role check of the state-changing routes (issue #17). Finer
rules stay in the handlers (a provincial standard is set by the province only; jurisdiction
against the loaded resource).
"""

from __future__ import annotations

from shared.http.access import (
    ANY,
    DIVISION_FILTER,
    OWN_DIVISION,
    PROVINCE_ONLY,
    AccessTable,
    allow,
)

READERS = ("county_officer", "city_officer", "province_officer", "inspector", "auditor")
OFFICERS = ("county_officer", "city_officer", "province_officer")

RULES = {
    # payments/entrypoints/api.py:get_pipeline_case
    ("GET", "/v1/pipeline/{case_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # payments/entrypoints/api_standards.py:set_standard
    ("POST", "/v1/standards"): allow(
        "county_officer", "province_officer", jurisdiction=OWN_DIVISION, if_match="when-exists"
    ),
    # payments/entrypoints/api_standards.py:get_standard
    ("GET", "/v1/standards/{division_code}/{programme}"): allow(
        *READERS, "township_officer", jurisdiction=OWN_DIVISION
    ),
    # payments/entrypoints/api_beneficiaries.py:list_beneficiaries
    ("GET", "/v1/beneficiaries"): allow(*READERS, "township_officer", jurisdiction=DIVISION_FILTER),
    # payments/entrypoints/api_beneficiaries.py:get_beneficiary
    ("GET", "/v1/beneficiaries/{case_id}/{programme}"): allow(
        *READERS, "township_officer", jurisdiction=OWN_DIVISION
    ),
    # payments/entrypoints/api_beneficiaries.py:change_bank_account
    ("PUT", "/v1/beneficiaries/{case_id}/{programme}/bank-account"): allow(
        "township_officer", "county_officer", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # payments/entrypoints/api_beneficiaries.py:list_beneficiary_payments
    ("GET", "/v1/beneficiaries/{case_id}/{programme}/payments"): allow(
        *READERS, "township_officer", jurisdiction=OWN_DIVISION
    ),
    # payments/entrypoints/api_beneficiaries.py:list_case_payments
    ("GET", "/v1/cases/{case_id}/payments"): allow(
        *READERS, "township_officer", jurisdiction=OWN_DIVISION
    ),
    # payments/entrypoints/api_paid_by_partner.py:get_paid_by_partner_history (ADR 0032)
    ("GET", "/v1/cases/{case_id}/paid-by-partner"): allow(
        *READERS, "township_officer", jurisdiction=OWN_DIVISION
    ),
    # payments/entrypoints/api_runs.py:start_payment_run
    ("POST", "/v1/runs"): allow("county_officer", jurisdiction=OWN_DIVISION),
    # payments/entrypoints/api_runs.py:retry_failed_payments
    ("POST", "/v1/runs/{run_id}/retries"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # payments/entrypoints/api_runs.py:get_payment_run
    ("GET", "/v1/runs/{run_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # payments/entrypoints/api_runs.py:list_run_payments
    ("GET", "/v1/runs/{run_id}/payments"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # payments/entrypoints/api_runs.py:get_bank_file
    ("GET", "/v1/runs/{run_id}/bank-file"): allow("county_officer", jurisdiction=OWN_DIVISION),
    # payments/entrypoints/api_bank_files.py:import_bank_return_file (ADR 0038)
    ("POST", "/v1/runs/{run_id}/bank-returns"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # payments/entrypoints/api_funds.py:record_funds_allocation
    ("POST", "/v1/funds/allocations"): allow(
        *OFFICERS,
        jurisdiction=OWN_DIVISION,
        if_match="when-exists",
    ),
    # payments/entrypoints/api_funds.py:record_funds_arrival
    ("POST", "/v1/funds/arrivals"): allow(
        *OFFICERS,
        jurisdiction=OWN_DIVISION,
        if_match="when-exists",
    ),
    # payments/entrypoints/api_funds.py:get_funds_disclosure
    ("GET", "/v1/disclosure/{county_code}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # payments/entrypoints/api_funds.py:get_funds_disclosure_page
    ("GET", "/v1/disclosure/{county_code}/page"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # payments/entrypoints/api_funds.py:get_funds_account
    ("GET", "/v1/funds/{county_code}/{programme}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # payments/entrypoints/api_prices.py:set_price_linkage_parameters
    ("POST", "/v1/price-linkage/parameters"): allow(
        "province_officer", jurisdiction=PROVINCE_ONLY, if_match="when-exists"
    ),
    # payments/entrypoints/api_prices.py:record_price_index
    ("POST", "/v1/price-linkage/indices"): allow(
        "province_officer", jurisdiction=PROVINCE_ONLY, if_match="when-exists"
    ),
    # payments/entrypoints/api_prices.py:get_price_linkage
    ("GET", "/v1/price-linkage"): allow(*READERS, jurisdiction=ANY),
    # payments/entrypoints/api_disasters.py:declare_disaster
    ("POST", "/v1/disasters"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="when-exists"
    ),
    # payments/entrypoints/api_disasters.py:grant_disaster_relief
    ("POST", "/v1/disasters/{disaster_id}/relief"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # payments/entrypoints/api_disasters.py:record_housing_solved
    ("POST", "/v1/disasters/{disaster_id}/households/{household_id}/housing-solved"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # payments/entrypoints/api_disasters.py:get_disaster
    ("GET", "/v1/disasters/{disaster_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # payments/entrypoints/api_relief_goods.py:receive_relief_goods
    ("POST", "/v1/disasters/{disaster_id}/goods/receipts"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="when-exists"
    ),
    # payments/entrypoints/api_relief_goods.py:issue_relief_goods
    ("POST", "/v1/disasters/{disaster_id}/goods/issues"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # payments/entrypoints/api_relief_goods.py:get_relief_goods_stock
    ("GET", "/v1/disasters/{disaster_id}/goods"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # payments/entrypoints/api_relief_goods.py:get_household_relief
    ("GET", "/v1/disasters/{disaster_id}/households/{household_id}"): allow(
        *READERS, jurisdiction=OWN_DIVISION
    ),
    # payments/entrypoints/api_tasks.py:enter_practical_task
    ("POST", "/v1/practical-tasks"): allow(
        "province_officer", jurisdiction=PROVINCE_ONLY, if_match="when-exists"
    ),
    # payments/entrypoints/api_tasks.py:get_practical_tasks
    ("GET", "/v1/practical-tasks/{year}"): allow(*READERS, jurisdiction=DIVISION_FILTER),
}
ACCESS = AccessTable("payments", RULES)
"""Every payments operation, the kernel's (health, places, calendar) included."""
