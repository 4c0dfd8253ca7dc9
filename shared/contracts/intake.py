"""Typed contracts of the events intake publishes, one per type at its current
version. Generated from intake's registry by `python -m services contracts`: do not edit.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Literal

from pydantic import Field

from shared.contracts import Contract, Part


class Authorisation(Part):
    """The household's signed authorisation for economic verification (GEN-7, VER-1)."""

    signed_by_resident_id: str
    signed_on: date
    document_ref: str


class BankAccountHolder(Part):
    """Who holds the bank account the benefit is paid into, when the office recorded it
    (SUP-3)."""

    name: str
    resident_id: str


class Member(Part):
    """A household member as declared (resident ID already validated by GB 11643)."""

    resident_id: str
    name: str
    relation: Literal[
        "self", "spouse", "child", "parent", "grandparent", "grandchild", "sibling", "other"
    ]
    disability_grade: int | None = None
    health: str | None = None
    work: str | None = None
    schooling: str | None = None


class NeedFound(Part):
    """A need found on a visit and how its help was arranged (the id of what was opened)."""

    need: str
    arrangement: Literal["on_site", "referral", "application"]
    help: str | None = None
    referral_id: str | None = None
    application_id: str | None = None


class Season(Part):
    """A window in which a point is open, and what for."""

    kind: Literal["cold", "heat", "year_round"]
    starts_on: date
    ends_on: date


class AidPointClosed(Contract):
    """The point is closed for good; no help is recorded there any more."""

    TYPE: ClassVar[str] = "intake.AidPointClosed"
    VERSION: ClassVar[int] = 1
    aid_point_id: str
    closed_on: date


class AidPointOpened(Contract):
    """A county or township opened an aid point or temporary shelter, with its seasons."""

    TYPE: ClassVar[str] = "intake.AidPointOpened"
    VERSION: ClassVar[int] = 1
    aid_point_id: str
    division_code: str
    kind: Literal["open_aid_point", "temporary_shelter"]
    label: str
    location: str
    seasons: tuple[Season, ...]


class AidPointSeasonAdded(Contract):
    """The point opens for another season (next winter, a summer)."""

    TYPE: ClassVar[str] = "intake.AidPointSeasonAdded"
    VERSION: ClassVar[int] = 1
    aid_point_id: str
    season: Season


class ApplicationAmended(Contract):
    """The household corrected its declared figures or bank account."""

    TYPE: ClassVar[str] = "intake.ApplicationAmended"
    VERSION: ClassVar[int] = 1
    application_id: str
    declared_monthly_income_fen: int
    declared_assets_fen: int
    bank_account: str | None
    reason: str


class ApplicationHandedIn(Contract):
    """A village/residents' committee helped a household hand its application in (代为提交)."""

    TYPE: ClassVar[str] = "intake.ApplicationHandedIn"
    VERSION: ClassVar[int] = 1
    handed_in_id: str
    division_code: str
    township_code: str
    applicant_resident_id: str
    programmes: tuple[
        Literal[
            "urban_dibao",
            "rural_dibao",
            "extreme_poverty",
            "temporary_assistance",
            "medical_assistance",
            "disease_emergency",
            "disaster_relief",
            "education_assistance",
            "housing_assistance",
            "employment_assistance",
            "disability_subsidies",
            "elderly_subsidy",
            "children_in_difficulty",
            "vagrant_assistance",
        ],
        ...,
    ]
    committee: str
    note: str


class ApplicationSubmitted(Contract):
    """A township office accepted and registered a household's application."""

    TYPE: ClassVar[str] = "intake.ApplicationSubmitted"
    VERSION: ClassVar[int] = 1
    application_id: str
    division_code: str
    registration: Literal["urban", "rural"]
    programmes: tuple[
        Literal[
            "urban_dibao",
            "rural_dibao",
            "extreme_poverty",
            "temporary_assistance",
            "medical_assistance",
            "disease_emergency",
            "disaster_relief",
            "education_assistance",
            "housing_assistance",
            "employment_assistance",
            "disability_subsidies",
            "elderly_subsidy",
            "children_in_difficulty",
            "vagrant_assistance",
        ],
        ...,
    ]
    members: tuple[Member, ...]
    declared_monthly_income_fen: int
    declared_assets_fen: int
    authorisation: Authorisation
    channel: Literal["counter", "assisted_by_village_committee", "online"]
    bank_account: str | None = None
    bank_account_holder: BankAccountHolder | None = None
    urgent_case_id: str | None = None
    verification_due: date | None = None
    prior_assistance_programme: str | None = None


class ApplicationWithdrawn(Contract):
    """The household withdrew the application; pending programmes will not be decided."""

    TYPE: ClassVar[str] = "intake.ApplicationWithdrawn"
    VERSION: ClassVar[int] = 1
    application_id: str
    reason: str


class CalendarYearSet(Contract):
    """An operator set (or corrected) a year's holidays and make-up working days."""

    TYPE: ClassVar[str] = "intake.CalendarYearSet"
    VERSION: ClassVar[int] = 1
    year: int
    holidays: tuple[date, ...]
    makeup_workdays: tuple[date, ...]
    document_ref: str
    reason: str


class CharityHelpRecorded(Contract):
    """The charity recorded the help it gave on a referral."""

    TYPE: ClassVar[str] = "intake.CharityHelpRecorded"
    VERSION: ClassVar[int] = 1
    case_id: str
    referral_id: str
    charity: str
    amount_fen: int
    description: str


class CharityReferred(Contract):
    """The case was referred to a registered charity (慈善衔接)."""

    TYPE: ClassVar[str] = "intake.CharityReferred"
    VERSION: ClassVar[int] = 1
    case_id: str
    referral_id: str
    charity: str
    need: str


class FollowUpApplicationFiled(Contract):
    """The township filed the follow-up application (后续救助) of the urgent case: its verification
    is due by the date set at the first grant (None when nothing was granted)."""

    TYPE: ClassVar[str] = "intake.FollowUpApplicationFiled"
    VERSION: ClassVar[int] = 1
    urgent_case_id: str
    application_id: str
    verification_due: date | None


class HandInAccepted(Contract):
    """The township office accepted the handed-in application and registered it."""

    TYPE: ClassVar[str] = "intake.HandInAccepted"
    VERSION: ClassVar[int] = 1
    handed_in_id: str
    application_id: str


class HouseholdConflictFlagged(Contract):
    """A resident ID was declared in a second household while the first one's case is open."""

    TYPE: ClassVar[str] = "intake.HouseholdConflictFlagged"
    VERSION: ClassVar[int] = 1
    flag_id: str
    resident_id: str
    existing_application_id: str
    existing_division_code: str
    attempted_division_code: str


class HouseholdVisited(Contract):
    """A household or person of a campaign's groups was visited; the needs found and the help."""

    TYPE: ClassVar[str] = "intake.HouseholdVisited"
    VERSION: ClassVar[int] = 1
    visit_id: str
    campaign_id: str
    division_code: str
    group: Literal[
        "dibao_household",
        "registered_poor_household",
        "extreme_poverty_person",
        "poor_disabled_person",
        "entitled_serviceman_family",
    ]
    resident_id: str
    visited_on: date
    needs: tuple[NeedFound, ...]
    help_given: str | None


class PriorAssistanceGranted(Contract):
    """Green channel: assistance granted before verification, which must follow by a date."""

    TYPE: ClassVar[str] = "intake.PriorAssistanceGranted"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: Literal["temporary_assistance", "medical_assistance", "disease_emergency"]
    amount_fen: int
    division_code: str
    resident_id: str
    bank_account: str | None
    verification_due: date
    follow_up_programmes: tuple[
        Literal[
            "urban_dibao",
            "rural_dibao",
            "extreme_poverty",
            "disaster_relief",
            "education_assistance",
            "housing_assistance",
            "employment_assistance",
        ],
        ...,
    ]
    persons: int = 1
    granted_on: date | None = None
    cap_fen: int | None = None
    follow_up_application_id: str | None = None
    payee_name: str | None = None


class ProgrammeDecided(Contract):
    """The competent agency decided one programme of the application."""

    TYPE: ClassVar[str] = "intake.ProgrammeDecided"
    VERSION: ClassVar[int] = 1
    application_id: str
    programme: str
    outcome: Literal["approved", "rejected"]
    decided_by: str
    reason: str


class ProgrammeDecidedByAgency(Contract):
    """The partner agency competent for a programme decided it (INT-4, ADR 0032): who, when,
    why, under which rule, how much, and whom SafetyNet pays when the programme is paid
    here."""

    TYPE: ClassVar[str] = "intake.ProgrammeDecidedByAgency"
    VERSION: ClassVar[int] = 1
    application_id: str
    programme: Literal[
        "urban_dibao",
        "rural_dibao",
        "extreme_poverty",
        "temporary_assistance",
        "medical_assistance",
        "disease_emergency",
        "disaster_relief",
        "education_assistance",
        "housing_assistance",
        "employment_assistance",
        "disability_subsidies",
        "elderly_subsidy",
        "children_in_difficulty",
        "vagrant_assistance",
    ]
    agency: Literal[
        "county_civil_affairs",
        "medical_assistance_office",
        "education",
        "housing_and_construction",
        "human_resources_and_social_security",
        "disaster_management",
        "disabled_persons_federation",
        "rescue_management",
    ]
    outcome: Literal["approved", "rejected"]
    reason: str
    policy_basis: str
    decided_by_role: str
    decided_by_staff_id: str
    decided_by_org: str
    decided_on: date
    division_code: str
    registration: str
    household_size: int
    settlement: Literal["one_off", "per_person", "by_agency"]
    amount_fen: int | None = None
    persons: int | None = None
    payee_name: str | None = None
    bank_account: str | None = None


class ProgrammeRouted(Contract):
    """One requested programme was routed to its competent agency (一门受理、协同办理)."""

    TYPE: ClassVar[str] = "intake.ProgrammeRouted"
    VERSION: ClassVar[int] = 1
    application_id: str
    programme: Literal[
        "urban_dibao",
        "rural_dibao",
        "extreme_poverty",
        "temporary_assistance",
        "medical_assistance",
        "disease_emergency",
        "disaster_relief",
        "education_assistance",
        "housing_assistance",
        "employment_assistance",
        "disability_subsidies",
        "elderly_subsidy",
        "children_in_difficulty",
        "vagrant_assistance",
    ]
    agency: Literal[
        "county_civil_affairs",
        "medical_assistance_office",
        "education",
        "housing_and_construction",
        "human_resources_and_social_security",
        "disaster_management",
        "disabled_persons_federation",
        "rescue_management",
    ]
    division_code: str
    competent_division: str
    details: dict[str, str] = Field(default_factory=dict)


class ReferralAcknowledged(Contract):
    """The receiving department acknowledged the referral and took over the request."""

    TYPE: ClassVar[str] = "intake.ReferralAcknowledged"
    VERSION: ClassVar[int] = 1
    referral_id: str
    acknowledged_at: datetime
    late: bool
    note: str


class ReferralOpened(Contract):
    """The first office recorded a request and referred it to the competent department."""

    TYPE: ClassVar[str] = "intake.ReferralOpened"
    VERSION: ClassVar[int] = 1
    referral_id: str
    case_id: str | None
    first_office_division: str
    first_office_org: str
    to_agency: Literal[
        "county_civil_affairs",
        "medical_assistance_office",
        "education",
        "housing_and_construction",
        "human_resources_and_social_security",
        "disaster_management",
        "disabled_persons_federation",
        "rescue_management",
    ]
    to_division: str
    division_code: str
    need: str
    subject_resident_id: str | None
    received_on: date
    acknowledge_by: date
    calendar_version: str | None = None


class ReferralOverdue(Contract):
    """The receiver did not acknowledge in time: escalated to the county and to supervision."""

    TYPE: ClassVar[str] = "intake.ReferralOverdue"
    VERSION: ClassVar[int] = 1
    referral_id: str
    acknowledge_by: date
    escalated_to: str


class RoughSleeperHelped(Contract):
    """One act of help at an aid point or shelter, in its season."""

    TYPE: ClassVar[str] = "intake.RoughSleeperHelped"
    VERSION: ClassVar[int] = 1
    record_id: str
    help_id: str
    aid_point_id: str
    aid_point_division: str
    given_on: date
    kinds: tuple[Literal["food", "clothing", "cold_shelter", "heat_shelter", "medical_care"], ...]


class RoughSleeperIdentified(Contract):
    """The unidentified person of the record is now known: the record joins their history."""

    TYPE: ClassVar[str] = "intake.RoughSleeperIdentified"
    VERSION: ClassVar[int] = 1
    record_id: str
    resident_id: str
    identified_on: date


class RoughSleeperRegistered(Contract):
    """A record of a person met sleeping rough: by resident ID, or described when unidentified."""

    TYPE: ClassVar[str] = "intake.RoughSleeperRegistered"
    VERSION: ClassVar[int] = 1
    record_id: str
    division_code: str
    resident_id: str | None
    appearance: str | None
    found_address: str | None
    stated_name: str | None


class StaffRelativeDeclared(Contract):
    """A member is a close relative of a cadre or civil affairs staff member: registered apart."""

    TYPE: ClassVar[str] = "intake.StaffRelativeDeclared"
    VERSION: ClassVar[int] = 1
    application_id: str
    division_code: str
    member_resident_id: str
    official_name: str
    official_role: Literal["village_cadre", "township_cadre", "civil_affairs_staff"]
    official_org: str
    kinship: Literal["spouse", "parent", "child", "sibling", "grandparent", "grandchild"]


class StoreDigestSealed(Contract):
    """A run of this service's event store sealed under a Merkle root chained on the last one."""

    TYPE: ClassVar[str] = "intake.StoreDigestSealed"
    VERSION: ClassVar[int] = 1
    digest_id: str
    sequence: int
    from_position: int
    to_position: int
    events: int
    merkle_root: str
    previous_root: str
    root: str
    sealed_at: str


class UrgentCaseOpened(Contract):
    """A person in urgent difficulty was reported; the township must respond by the deadline."""

    TYPE: ClassVar[str] = "intake.UrgentCaseOpened"
    VERSION: ClassVar[int] = 1
    urgent_case_id: str
    division_code: str
    reporter: Literal["village_cadre", "grid_worker", "hospital", "school", "police", "public"]
    situation: str
    subject_name: str | None
    subject_resident_id: str | None
    household_size: int
    reported_at: datetime
    respond_by: datetime


class UrgentCaseOverdue(Contract):
    """No response by the deadline: escalated to the county and to supervision."""

    TYPE: ClassVar[str] = "intake.UrgentCaseOverdue"
    VERSION: ClassVar[int] = 1
    urgent_case_id: str
    respond_by: datetime
    escalated_to: str


class UrgentCaseResponded(Contract):
    """The township responded to the urgent case."""

    TYPE: ClassVar[str] = "intake.UrgentCaseResponded"
    VERSION: ClassVar[int] = 1
    urgent_case_id: str
    responded_at: datetime
    late: bool
    response: str


class VisitCampaignPlanned(Contract):
    """A township planned a visit campaign for some groups over a period."""

    TYPE: ClassVar[str] = "intake.VisitCampaignPlanned"
    VERSION: ClassVar[int] = 1
    campaign_id: str
    division_code: str
    title: str
    groups: tuple[
        Literal[
            "dibao_household",
            "registered_poor_household",
            "extreme_poverty_person",
            "poor_disabled_person",
            "entitled_serviceman_family",
        ],
        ...,
    ]
    starts_on: date
    ends_on: date
