"""Who may call each supervision operation: the service's access table (shared/http/access.py).

Built from what the routes enforce (`require_roles` in supervision/entrypoints); enforced for every
route before it runs. Jurisdiction is checked in the handlers against the loaded resource.
"""

from __future__ import annotations

from shared.http.access import (
    DIVISION_FILTER,
    OWN_DIVISION,
    PROVINCE_ONLY,
    AccessTable,
    allow,
)

READERS = ("county_officer", "city_officer", "province_officer", "inspector", "auditor")
OFFICERS = ("county_officer", "city_officer", "province_officer")

RULES = {
    # supervision/entrypoints/api.py:audit_trail
    ("GET", "/v1/cases/{case_id}/audit-trail"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/api.py:verify
    ("GET", "/v1/cases/{case_id}/audit-trail/verify"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/api.py:export
    ("GET", "/v1/cases/{case_id}/audit-trail/export"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/digest_api.py:seal_now
    ("POST", "/v1/audit/digests"): allow(
        "auditor", "inspector", "province_officer", "ops", jurisdiction=PROVINCE_ONLY
    ),
    # supervision/entrypoints/digest_api.py:digests
    ("GET", "/v1/audit/digests"): allow(
        "auditor", "inspector", "province_officer", "ops", jurisdiction=PROVINCE_ONLY
    ),
    # supervision/entrypoints/digest_api.py:verify
    ("GET", "/v1/audit/digests/verify"): allow(
        "auditor", "inspector", "province_officer", "ops", jurisdiction=PROVINCE_ONLY
    ),
    # supervision/entrypoints/digest_api.py:source_check
    ("POST", "/v1/audit/source-checks"): allow(
        "auditor", "inspector", "province_officer", "ops", jurisdiction=PROVINCE_ONLY
    ),
    # supervision/entrypoints/complaints_api.py:register
    ("POST", "/v1/complaints"): allow(*OFFICERS, "inspector", jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/complaints_api.py:list_complaints
    ("GET", "/v1/complaints"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/complaints_api.py:get_complaint
    ("GET", "/v1/complaints/{complaint_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/complaints_api.py:assign
    ("POST", "/v1/complaints/{complaint_id}/assignment"): allow(
        "inspector",
        "city_officer",
        "province_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/complaints_api.py:verify
    ("POST", "/v1/complaints/{complaint_id}/verification"): allow(
        "inspector", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # supervision/entrypoints/complaints_api.py:order_action
    ("POST", "/v1/complaints/{complaint_id}/corrective-actions"): allow(
        "inspector", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # supervision/entrypoints/complaints_api.py:close
    ("POST", "/v1/complaints/{complaint_id}/closure"): allow(
        "inspector", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # supervision/entrypoints/alerts_api.py:alerts
    ("GET", "/v1/alerts"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/alerts_api.py:register_staff
    ("POST", "/v1/staff-registry"): allow(*OFFICERS, "inspector", jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/alert_actions_api.py:alert
    ("GET", "/v1/alerts/{alert_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/alert_actions_api.py:acknowledge
    ("POST", "/v1/alerts/{alert_id}/acknowledgement"): allow(
        *OFFICERS,
        "inspector",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/alert_actions_api.py:dismiss
    ("POST", "/v1/alerts/{alert_id}/dismissal"): allow(
        *OFFICERS,
        "inspector",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/alert_actions_api.py:escalate
    ("POST", "/v1/alerts/{alert_id}/escalation"): allow(
        *OFFICERS,
        "inspector",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/reports_api.py:report
    ("GET", "/v1/reports/statistics"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/reports_api.py:report_xlsx
    ("GET", "/v1/reports/statistics.xlsx"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/reports_api.py:chart
    ("GET", "/v1/reports/statistics/charts/{series}.{fmt}"): allow(
        *READERS, jurisdiction=DIVISION_FILTER
    ),
    # supervision/entrypoints/inspections_api.py:plan
    ("POST", "/v1/inspections"): allow(
        "inspector", "city_officer", "province_officer", jurisdiction=OWN_DIVISION
    ),
    # supervision/entrypoints/inspections_api.py:get_inspection
    ("GET", "/v1/inspections/{inspection_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/inspections_api.py:visit
    ("POST", "/v1/inspections/{inspection_id}/visit"): allow(
        "inspector",
        "city_officer",
        "province_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/inspections_api.py:order_rectification
    ("POST", "/v1/inspections/{inspection_id}/rectifications"): allow(
        "inspector",
        "city_officer",
        "province_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/inspections_api.py:check_rectification
    ("POST", "/v1/inspections/{inspection_id}/rectification-checks"): allow(
        "inspector",
        "city_officer",
        "province_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/inspections_api.py:hold_accountable
    ("POST", "/v1/inspections/{inspection_id}/accountability"): allow(
        "inspector",
        "city_officer",
        "province_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/inspections_api.py:rectifications
    ("GET", "/v1/rectifications"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/safety_api.py:register
    ("POST", "/v1/institutions"): allow(*OFFICERS, "inspector", jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/safety_api.py:get_institution
    ("GET", "/v1/institutions/{institution_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/safety_api.py:hazard_check
    ("POST", "/v1/institutions/{institution_id}/hazard-checks"): allow(
        *OFFICERS,
        "inspector",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/safety_api.py:close_hazard
    ("POST", "/v1/institutions/{institution_id}/hazard-closures"): allow(
        *OFFICERS,
        "inspector",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/safety_api.py:activity
    ("POST", "/v1/institutions/{institution_id}/activities"): allow(
        *OFFICERS,
        "inspector",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/safety_api.py:hazards
    ("GET", "/v1/hazards"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/coordination_api.py:get_file
    ("GET", "/v1/coordination/{code}/{year}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/coordination_api.py:file_mechanism
    ("POST", "/v1/coordination/{county_code}/{year}/mechanism"): allow(
        *OFFICERS,
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/coordination_api.py:joint_meeting
    ("POST", "/v1/coordination/{city_code}/{year}/joint-meetings"): allow(
        *OFFICERS,
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/coordination_api.py:report_task
    ("POST", "/v1/coordination/{county_code}/{year}/policy-tasks"): allow(
        *OFFICERS,
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/coordination_api.py:policy_tasks
    ("GET", "/v1/policy-tasks"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/capacity_api.py:desks
    ("GET", "/v1/capacity/desks"): allow(
        *READERS, "township_officer", jurisdiction=DIVISION_FILTER
    ),
    # supervision/entrypoints/capacity_api.py:get_file
    ("GET", "/v1/capacity/{division_code}"): allow(
        *READERS, "township_officer", jurisdiction=OWN_DIVISION
    ),
    # supervision/entrypoints/capacity_api.py:name_desk
    ("POST", "/v1/capacity/{division_code}/desk-staff"): allow(
        *OFFICERS,
        "township_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/capacity_api.py:purchase
    ("POST", "/v1/capacity/{division_code}/purchased-services"): allow(
        *OFFICERS,
        "township_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/capacity_api.py:train
    ("POST", "/v1/capacity/{division_code}/trainings"): allow(
        *OFFICERS,
        "township_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/care_report_api.py:centralised_care
    ("GET", "/v1/reports/centralised-care"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/implementation_api.py:file_report
    ("POST", "/v1/implementation-reports"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # supervision/entrypoints/implementation_api.py:ledger
    ("GET", "/v1/implementation-reports"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/policy_api.py:get_policy
    ("GET", "/v1/policy"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/policy_api.py:set_policy
    ("PUT", "/v1/policy/{name}"): allow(
        "province_officer", jurisdiction=PROVINCE_ONLY, if_match="required"
    ),
}
ACCESS = AccessTable("supervision", RULES)
"""Every supervision operation, the kernel's (health, places, calendar) included."""
