"""Who may call each intake operation: the service's access table (shared/http/access.py).

Built from what the routes enforced (`ensure_role` in intake/entrypoints); enforced for every route
before it runs, and the only role check of the state-changing ones (ADR 0047). A role not listed
gets the route's own refusal (`ensure_role`: INT-3's `village-committee-cannot-accept` where a
village committee would decide, else `role-not-allowed`); jurisdiction is checked in the handlers
against the loaded resource.
"""

from __future__ import annotations

from intake.domain.agency_decision import not_a_deciding_role
from intake.domain.programmes import DECIDING_ROLES
from intake.entrypoints.common import AGENCY_ROLES, ensure_role
from shared.http.access import ANY, DIVISION_FILTER, OWN_DIVISION, AccessTable, Refusal, allow
from shared.http.tokens import Principal


def _as_route(roles: tuple[str, ...], action_zh: str, *, decides: bool = False) -> Refusal:
    """The route's own refusal (its message and, for a deciding step, INT-3's code)."""

    def refuse(principal: Principal) -> None:
        ensure_role(principal, roles, action_zh, decides=decides)

    return refuse


def _decides_nothing(principal: Principal) -> None:
    """INT-3's refusal for a village committee; any other role is told who decides what."""
    if principal.role == "village_committee":
        ensure_role(principal, DECIDING_ROLES, "作出救助决定", decides=True)
    raise not_a_deciding_role(principal.role)


OUTREACH_OFFICERS = ("township_officer", "county_officer")  # INT-11: visits, aid points
READERS = (
    "township_officer",
    "county_officer",
    "city_officer",
    "province_officer",
    "inspector",
    "auditor",
)

RULES = {
    # intake/entrypoints/api.py:submit_application
    ("POST", "/v1/applications"): allow(
        "township_officer",
        jurisdiction=OWN_DIVISION,
        refuse=_as_route(("township_officer",), "直接受理、审核申请", decides=True),
    ),
    # intake/entrypoints/api.py:list_applications
    # the generic partner client submits and decides no application, so reads none (ADR 0065)
    ("GET", "/v1/applications"): allow(*READERS, *AGENCY_ROLES, jurisdiction=DIVISION_FILTER),
    # intake/entrypoints/api.py:get_application
    ("GET", "/v1/applications/{application_id}"): allow(
        *READERS, *AGENCY_ROLES, jurisdiction=OWN_DIVISION
    ),
    # intake/entrypoints/api.py:amend_application
    ("POST", "/v1/applications/{application_id}/amendments"): allow(
        "township_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
        refuse=_as_route(("township_officer",), "补正申请", decides=True),
    ),
    # intake/entrypoints/api.py:withdraw_application
    ("POST", "/v1/applications/{application_id}/withdrawal"): allow(
        "township_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
        refuse=_as_route(("township_officer",), "撤回申请", decides=True),
    ),
    # intake/entrypoints/handin_api.py:hand_in_application
    ("POST", "/v1/assisted-submissions"): allow("village_committee", jurisdiction=OWN_DIVISION),
    # intake/entrypoints/decisions_api.py:decide_programme
    # each programme only by its own deciding role (ADR 0032), checked before the body is read
    ("POST", "/v1/applications/{application_id}/programmes/{programme}/decision"): allow(
        *DECIDING_ROLES,
        jurisdiction=OWN_DIVISION,
        if_match="required",
        refuse=_decides_nothing,
    ),
    # intake/entrypoints/decisions_api.py:list_staff_relatives
    ("GET", "/v1/staff-relatives"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # intake/entrypoints/referrals_api.py:create_referral
    ("POST", "/v1/referrals"): allow(
        "township_officer", "county_officer", "partner_agency", jurisdiction=ANY
    ),
    # intake/entrypoints/referrals_api.py:acknowledge_referral
    ("POST", "/v1/referrals/{referral_id}/acknowledgement"): allow(
        "township_officer",
        "county_officer",
        "partner_agency",
        jurisdiction=OWN_DIVISION,
        if_match="required",
    ),
    # intake/entrypoints/referrals_api.py:list_overdue_referrals
    ("GET", "/v1/referrals/overdue"): allow(
        *READERS, "partner_agency", jurisdiction=DIVISION_FILTER
    ),
    # intake/entrypoints/referrals_api.py:get_referral
    ("GET", "/v1/referrals/{referral_id}"): allow(
        *READERS, "partner_agency", jurisdiction=OWN_DIVISION
    ),
    # intake/entrypoints/urgent_api.py:report_urgent_case
    ("POST", "/v1/urgent-reports"): allow(
        "village_committee",
        "township_officer",
        "county_officer",
        "partner_agency",
        jurisdiction=OWN_DIVISION,
    ),
    # intake/entrypoints/urgent_api.py:respond_to_urgent_case
    ("POST", "/v1/urgent-cases/{case_id}/response"): allow(
        "township_officer",
        "county_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
        refuse=_as_route(("township_officer", "county_officer"), "办理急难个案", decides=True),
    ),
    # intake/entrypoints/urgent_api.py:grant_prior_assistance
    ("POST", "/v1/urgent-cases/{case_id}/prior-assistance"): allow(
        "township_officer",
        "county_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
        refuse=_as_route(("township_officer", "county_officer"), "办理急难个案", decides=True),
    ),
    # intake/entrypoints/urgent_api.py:refer_case_to_charity
    ("POST", "/v1/urgent-cases/{case_id}/charity-referrals"): allow(
        "township_officer",
        "county_officer",
        jurisdiction=OWN_DIVISION,
        if_match="required",
        refuse=_as_route(("township_officer", "county_officer"), "办理急难个案", decides=True),
    ),
    # intake/entrypoints/urgent_api.py:record_charity_help
    ("POST", "/v1/urgent-cases/{case_id}/charity-referrals/{referral_id}/help"): allow(
        "charity",
        jurisdiction=ANY,
        if_match="required",
        refuse=_as_route(("charity",), "办理急难个案", decides=True),
    ),
    # intake/entrypoints/urgent_reads.py:list_overdue_urgent_cases
    ("GET", "/v1/urgent-cases/overdue"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # intake/entrypoints/urgent_reads.py:get_urgent_case
    ("GET", "/v1/urgent-cases/{case_id}"): allow(
        *READERS, "village_committee", jurisdiction=OWN_DIVISION
    ),
    # intake/entrypoints/work_api.py:list_open_work
    ("GET", "/v1/open-work"): allow(*READERS, jurisdiction=DIVISION_FILTER),
    # INT-11 走访慰问: intake/entrypoints/outreach_api.py
    ("POST", "/v1/visit-campaigns"): allow(*OUTREACH_OFFICERS, jurisdiction=OWN_DIVISION),
    ("GET", "/v1/visit-campaigns/{campaign_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    ("POST", "/v1/visit-campaigns/{campaign_id}/visits"): allow(
        *OUTREACH_OFFICERS, jurisdiction=OWN_DIVISION
    ),
    ("GET", "/v1/visit-campaigns/{campaign_id}/visits"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # INT-11 流浪乞讨人员救助: intake/entrypoints/aid_points_api.py, rough_sleepers_api.py
    ("POST", "/v1/aid-points"): allow(*OUTREACH_OFFICERS, jurisdiction=OWN_DIVISION),
    ("GET", "/v1/aid-points/{aid_point_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    ("POST", "/v1/aid-points/{aid_point_id}/seasons"): allow(
        *OUTREACH_OFFICERS, jurisdiction=OWN_DIVISION, if_match="required"
    ),
    ("POST", "/v1/aid-points/{aid_point_id}/closure"): allow(
        *OUTREACH_OFFICERS, jurisdiction=OWN_DIVISION, if_match="required"
    ),
    ("POST", "/v1/rough-sleepers"): allow(*OUTREACH_OFFICERS, jurisdiction=OWN_DIVISION),
    ("GET", "/v1/rough-sleepers/{record_id}"): allow(*READERS, jurisdiction=OWN_DIVISION),
    # the helper's jurisdiction is the aid point's: a person may be helped far from their record
    ("POST", "/v1/rough-sleepers/{record_id}/help"): allow(
        *OUTREACH_OFFICERS, jurisdiction=OWN_DIVISION, if_match="required"
    ),
    ("POST", "/v1/rough-sleepers/{record_id}/identification"): allow(
        *OUTREACH_OFFICERS, jurisdiction=OWN_DIVISION, if_match="required"
    ),
    ("GET", "/v1/people/{person_id}/help-history"): allow(*READERS, jurisdiction=DIVISION_FILTER),
}
ACCESS = AccessTable("intake", RULES)
"""Every intake operation, the kernel's (health, places, calendar) included."""
