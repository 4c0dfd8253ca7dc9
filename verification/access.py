"""Who may call each verification operation: the service's access table (shared/http/access.py).

Built from what the routes enforce (`require_roles`, `ensure_level`, the policy scope rule);
enforced for every route before it runs. A role not listed on a township or county step gets the
route's own refusal (`village-committee-cannot-review` or `wrong-level`); jurisdiction is checked in
the handlers against the loaded case, batch or village.
"""

from __future__ import annotations

from shared.http.access import (
    DIVISION_FILTER,
    OWN_DIVISION,
    AccessTable,
    Refusal,
    allow,
)
from shared.http.tokens import Principal
from verification.entrypoints.care_common import REGISTER_READERS
from verification.entrypoints.common import COUNTY, TOWNSHIP, ensure_level


def _level(level: str) -> Refusal:
    """The step's own refusal: village committees never, otherwise the level's officer only."""

    def refuse(principal: Principal) -> None:
        ensure_level(principal, level, principal.division)

    return refuse


READERS = (
    "township_officer",
    "county_officer",
    "city_officer",
    "province_officer",
    "inspector",
    "auditor",
)

RULES = {
    # verification/entrypoints/api.py:get_case
    ("GET", "/v1/cases/{case_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # verification/entrypoints/api.py:get_case_programme
    ("GET", "/v1/cases/{case_id}/programmes/{programme}"): allow(
        *READERS, jurisdiction=OWN_DIVISION
    ),
    # verification/entrypoints/api.py:get_batch
    ("GET", "/v1/batches/{batch_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # verification/entrypoints/api.py:list_work_queue
    ("GET", "/v1/work-queue"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # verification/entrypoints/township.py:verify_household_economy
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/economic-verification"): allow(
        "township_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(TOWNSHIP)
    ),
    # verification/entrypoints/township.py:record_manual_evidence
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/evidence"): allow(
        "township_officer",
        "partner_agency",
        jurisdiction=OWN_DIVISION,
        if_match="required",
        refuse=_level(TOWNSHIP),
    ),
    # verification/entrypoints/township.py:record_investigation
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/investigation"): allow(
        "township_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(TOWNSHIP)
    ),
    # verification/entrypoints/township.py:record_appraisal
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/appraisal"): allow(
        "township_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(TOWNSHIP)
    ),
    # verification/entrypoints/township.py:submit_proposal
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/proposal"): allow(
        "township_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(TOWNSHIP)
    ),
    # verification/entrypoints/township.py:extend_deadline
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/deadline-extension"): allow(
        "township_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(TOWNSHIP)
    ),
    # verification/entrypoints/publication.py:publish_notice
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/notice"): allow(
        "township_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(TOWNSHIP)
    ),
    # verification/entrypoints/publication.py:record_objection — only the receiving township or
    # county officer records one (anyone may object to them); every other role is refused here
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/objections"): allow(
        "township_officer", "county_officer", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # verification/entrypoints/county.py:form_batch
    ("POST", "/v1/batches"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, refuse=_level(COUNTY)
    ),
    # verification/entrypoints/county.py:record_spot_check
    ("POST", "/v1/batches/{batch_id}/spot-checks"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(COUNTY)
    ),
    # verification/entrypoints/county.py:decide_case
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/decision"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(COUNTY)
    ),
    # verification/entrypoints/county.py:adjust_benefit
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/adjustment"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(COUNTY)
    ),
    # verification/entrypoints/county.py:suspend_benefit
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/suspension"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(COUNTY)
    ),
    # verification/entrypoints/county.py:resume_benefit
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/resumption"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(COUNTY)
    ),
    # verification/entrypoints/county.py:terminate_benefit
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/termination"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(COUNTY)
    ),
    # verification/entrypoints/county.py:recheck_benefit
    ("POST", "/v1/cases/{case_id}/programmes/{programme}/recheck"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(COUNTY)
    ),
    # verification/entrypoints/batches.py:list_batches
    ("GET", "/v1/batches"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # verification/entrypoints/notices.py:get_village_notice
    ("GET", "/v1/notices/{village_code}"): allow(
        *READERS, "village_committee", jurisdiction=OWN_DIVISION
    ),
    # verification/entrypoints/notices.py:print_village_notice
    ("GET", "/v1/notices/{village_code}/print"): allow(
        *READERS, "village_committee", jurisdiction=OWN_DIVISION
    ),
    # verification/entrypoints/policy.py:get_policy
    ("GET", "/v1/policy"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # verification/entrypoints/policy.py:set_policy
    ("PUT", "/v1/policy/{name}"): allow(
        "province_officer", "county_officer", jurisdiction=OWN_DIVISION, if_match="when-exists"
    ),
    # verification/entrypoints/life_events.py:report_life_events
    ("POST", "/v1/life-events"): allow("public_security", jurisdiction=DIVISION_FILTER),
    # verification/entrypoints/children.py and inclusion.py: the care register (VER-10) is read
    # by civil-affairs officers only (ADR 0030); the township records, the county decides
    ("POST", "/v1/children"): allow(
        "township_officer", jurisdiction=OWN_DIVISION, refuse=_level(TOWNSHIP)
    ),
    ("GET", "/v1/children"): allow(*REGISTER_READERS, jurisdiction=DIVISION_FILTER),
    ("GET", "/v1/children/{child_id}"): allow(*REGISTER_READERS, jurisdiction=OWN_DIVISION),
    ("POST", "/v1/children/{child_id}/care-visits"): allow(
        "township_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(TOWNSHIP)
    ),
    ("POST", "/v1/children/{child_id}/allowance-assessments"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(COUNTY)
    ),
    # verification/entrypoints/children.py:end_allowance (ADR 0042)
    ("POST", "/v1/children/{child_id}/allowance-end"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(COUNTY)
    ),
    ("POST", "/v1/extreme-poverty-inclusions"): allow(
        "township_officer", jurisdiction=OWN_DIVISION, refuse=_level(TOWNSHIP)
    ),
    ("GET", "/v1/extreme-poverty-inclusions"): allow(
        *REGISTER_READERS, jurisdiction=DIVISION_FILTER
    ),
    ("GET", "/v1/extreme-poverty-inclusions/{screening_id}"): allow(
        *REGISTER_READERS, jurisdiction=OWN_DIVISION
    ),
    ("POST", "/v1/extreme-poverty-inclusions/{screening_id}/decision"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required", refuse=_level(COUNTY)
    ),
    # verification/entrypoints/migrations.py: a county uploads its caseload (ADR 0037); an
    # import (also one the ops command runs) is followed by the county's readers
    ("POST", "/v1/migrations"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, refuse=_level(COUNTY)
    ),
    ("GET", "/v1/migrations/{migration_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
}
ACCESS = AccessTable("verification", RULES)
"""Every verification operation, the kernel's (health, places, calendar) included."""
