"""Who may call each supervision operation: the service's access table (shared/http/access.py).

Built from what the routes enforced (`require_roles` in supervision/entrypoints); enforced for every
route before it runs, and the only role check of the state-changing routes (their `Command`).
Jurisdiction is checked in the handlers against the loaded resource.
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
from supervision.domain.subscription import PARTNER_PROGRAMMES

READERS = ("county_officer", "city_officer", "province_officer", "inspector", "auditor")
OFFICERS = ("county_officer", "city_officer", "province_officer")
SUBSCRIBERS = (*OFFICERS, *PARTNER_PROGRAMMES)  # webhook subscribers (ADR 0036)

RULES = {
    # supervision/entrypoints/api.py:get_case_audit_trail
    ("GET", "/v1/cases/{case_id}/audit-trail"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/api.py:verify_case_audit_trail
    ("GET", "/v1/cases/{case_id}/audit-trail/verify"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/api.py:export_case_audit_trail
    ("GET", "/v1/cases/{case_id}/audit-trail/export"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/digest_api.py:seal_audit_digest
    ("POST", "/v1/audit/digests"): allow(
        "auditor", "inspector", "province_officer", "ops", jurisdiction=PROVINCE_ONLY
    ),
    # supervision/entrypoints/digest_api.py:list_audit_digests
    ("GET", "/v1/audit/digests"): allow(
        "auditor", "inspector", "province_officer", "ops", jurisdiction=PROVINCE_ONLY
    ),
    # supervision/entrypoints/digest_api.py:verify_audit_digests
    ("GET", "/v1/audit/digests/verify"): allow(
        "auditor", "inspector", "province_officer", "ops", jurisdiction=PROVINCE_ONLY
    ),
    # supervision/entrypoints/digest_api.py:check_source_log
    ("POST", "/v1/audit/source-checks"): allow(
        "auditor", "inspector", "province_officer", "ops", jurisdiction=PROVINCE_ONLY
    ),
    # supervision/entrypoints/complaints_api.py:register_complaint
    ("POST", "/v1/complaints"): allow(*OFFICERS, "inspector", jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/complaints_api.py:list_complaints
    ("GET", "/v1/complaints"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/complaints_api.py:get_complaint
    ("GET", "/v1/complaints/{complaint_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/complaints_api.py:assign_complaint
    ("POST", "/v1/complaints/{complaint_id}/assignment"): allow(
        "inspector",
        "city_officer",
        "province_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/complaints_api.py:verify_complaint
    ("POST", "/v1/complaints/{complaint_id}/verification"): allow(
        "inspector", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # supervision/entrypoints/complaints_api.py:order_corrective_action
    ("POST", "/v1/complaints/{complaint_id}/corrective-actions"): allow(
        "inspector", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # supervision/entrypoints/complaints_api.py:close_complaint
    ("POST", "/v1/complaints/{complaint_id}/closure"): allow(
        "inspector", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # supervision/entrypoints/alerts_api.py:list_alerts
    ("GET", "/v1/alerts"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/alerts_api.py:register_staff
    ("POST", "/v1/staff-registry"): allow(*OFFICERS, "inspector", jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/alert_actions_api.py:get_alert
    ("GET", "/v1/alerts/{alert_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/alert_actions_api.py:acknowledge_alert
    ("POST", "/v1/alerts/{alert_id}/acknowledgement"): allow(
        *OFFICERS,
        "inspector",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/alert_actions_api.py:dismiss_alert
    ("POST", "/v1/alerts/{alert_id}/dismissal"): allow(
        *OFFICERS,
        "inspector",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/alert_actions_api.py:escalate_alert
    ("POST", "/v1/alerts/{alert_id}/escalation"): allow(
        *OFFICERS,
        "inspector",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/reports_api.py:get_statistics_report
    ("GET", "/v1/reports/statistics"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/reports_api.py:get_statistics_workbook
    ("GET", "/v1/reports/statistics.xlsx"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/reports_api.py:get_statistics_chart
    ("GET", "/v1/reports/statistics/charts/{series}.{fmt}"): allow(
        *READERS, jurisdiction=DIVISION_FILTER
    ),
    # supervision/entrypoints/inspections_api.py:plan_inspection
    ("POST", "/v1/inspections"): allow(
        "inspector", "city_officer", "province_officer", jurisdiction=OWN_DIVISION
    ),
    # supervision/entrypoints/inspections_api.py:get_inspection
    ("GET", "/v1/inspections/{inspection_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/inspections_api.py:record_inspection_visit
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
    # supervision/entrypoints/inspections_api.py:list_rectifications
    ("GET", "/v1/rectifications"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/safety_api.py:register_institution
    ("POST", "/v1/institutions"): allow(*OFFICERS, "inspector", jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/safety_api.py:get_institution
    ("GET", "/v1/institutions/{institution_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/safety_api.py:record_hazard_check
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
    # supervision/entrypoints/safety_api.py:record_safety_activity
    ("POST", "/v1/institutions/{institution_id}/activities"): allow(
        *OFFICERS,
        "inspector",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/safety_api.py:list_hazards
    ("GET", "/v1/hazards"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/coordination_api.py:get_coordination_file
    ("GET", "/v1/coordination/{code}/{year}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # supervision/entrypoints/coordination_api.py:file_coordination_mechanism
    ("POST", "/v1/coordination/{county_code}/{year}/mechanism"): allow(
        *OFFICERS,
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/coordination_api.py:record_joint_meeting
    ("POST", "/v1/coordination/{city_code}/{year}/joint-meetings"): allow(
        *OFFICERS,
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/coordination_api.py:report_policy_task
    ("POST", "/v1/coordination/{county_code}/{year}/policy-tasks"): allow(
        *OFFICERS,
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/coordination_api.py:list_policy_tasks
    ("GET", "/v1/policy-tasks"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/capacity_api.py:list_desk_staff
    ("GET", "/v1/capacity/desks"): allow(
        *READERS, "township_officer", jurisdiction=DIVISION_FILTER
    ),
    # supervision/entrypoints/capacity_api.py:get_capacity_file
    ("GET", "/v1/capacity/{division_code}"): allow(
        *READERS, "township_officer", jurisdiction=OWN_DIVISION
    ),
    # supervision/entrypoints/capacity_api.py:name_desk_staff
    ("POST", "/v1/capacity/{division_code}/desk-staff"): allow(
        *OFFICERS,
        "township_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/capacity_api.py:record_purchased_service
    ("POST", "/v1/capacity/{division_code}/purchased-services"): allow(
        *OFFICERS,
        "township_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/capacity_api.py:record_staff_training
    ("POST", "/v1/capacity/{division_code}/trainings"): allow(
        *OFFICERS,
        "township_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # supervision/entrypoints/care_report_api.py:get_centralised_care_report
    ("GET", "/v1/reports/centralised-care"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/implementation_api.py:file_implementation_report
    ("POST", "/v1/implementation-reports"): allow(
        "county_officer", jurisdiction=OWN_DIVISION, if_match="required"
    ),
    # supervision/entrypoints/implementation_api.py:list_implementation_reports
    ("GET", "/v1/implementation-reports"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/policy_api.py:get_policy
    ("GET", "/v1/policy"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # supervision/entrypoints/policy_api.py:set_policy
    ("PUT", "/v1/policy/{name}"): allow(
        "province_officer", jurisdiction=PROVINCE_ONLY, if_match="required"
    ),
    # supervision/entrypoints/subscriptions_api.py (ADR 0036): county civil affairs (and above)
    # for their jurisdiction, partner departments for the programmes they decide; a subscription
    # is seen and changed only by the client that made it (ANY: the handler checks the owner)
    ("POST", "/v1/subscriptions"): allow(*SUBSCRIBERS, jurisdiction=OWN_DIVISION),
    ("GET", "/v1/subscriptions"): allow(*SUBSCRIBERS, jurisdiction=ANY),
    ("GET", "/v1/subscriptions/{subscription_id}"): allow(*SUBSCRIBERS, jurisdiction=ANY),
    ("POST", "/v1/subscriptions/{subscription_id}/secret-rotation"): allow(
        *SUBSCRIBERS, jurisdiction=ANY, if_match="required"
    ),
    ("POST", "/v1/subscriptions/{subscription_id}/cancellation"): allow(
        *SUBSCRIBERS, jurisdiction=ANY, if_match="required"
    ),
    ("POST", "/v1/subscriptions/{subscription_id}/replay"): allow(
        *SUBSCRIBERS, jurisdiction=ANY, if_match="required"
    ),
    ("GET", "/v1/subscriptions/{subscription_id}/deliveries"): allow(
        *SUBSCRIBERS, jurisdiction=ANY
    ),
}
ACCESS = AccessTable("supervision", RULES)
"""Every supervision operation, the kernel's (health, places, calendar) included."""
