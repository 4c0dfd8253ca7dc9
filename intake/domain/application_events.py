"""Events of an application's life after submission: routing, decisions, declarations, changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from intake.domain.programmes import Agency, Programme, Settlement
from shared.eventstore.registry import event_type


class Outcome(StrEnum):
    """What the competent agency decided on one programme."""

    APPROVED = "approved"
    REJECTED = "rejected"


class OfficialRole(StrEnum):
    """Whose relative the member is (近亲属备案, INT-10)."""

    VILLAGE_CADRE = "village_cadre"  # 村（居）委会干部
    TOWNSHIP_CADRE = "township_cadre"  # 乡镇（街道）干部
    CIVIL_AFFAIRS_STAFF = "civil_affairs_staff"  # 民政工作人员


class Kinship(StrEnum):
    """The close-relative relation to the official."""

    SPOUSE = "spouse"
    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    GRANDPARENT = "grandparent"
    GRANDCHILD = "grandchild"


@event_type("intake.ProgrammeRouted", version=1)
@dataclass(frozen=True)
class ProgrammeRouted:
    """One requested programme was routed to its competent agency (一门受理、协同办理)."""

    application_id: str
    programme: Programme
    agency: Agency
    division_code: str
    competent_division: str  # the county (6 digits) whose agency decides
    details: dict[str, str] = field(default_factory=dict)  # INT-1 sub-options as requested


@event_type("intake.ProgrammeDecided", version=1)
@dataclass(frozen=True)
class ProgrammeDecided:
    """The competent agency decided one programme of the application."""

    application_id: str
    programme: str
    outcome: Outcome
    decided_by: str  # the agency, or the service whose event carried the decision
    reason: str


@event_type("intake.ProgrammeDecidedByAgency", version=1)
@dataclass(frozen=True)
class ProgrammeDecidedByAgency:
    """The partner agency competent for a programme decided it (INT-4, ADR 0032): who, when, why,
    under which rule, how much, and whom SafetyNet pays when the programme is paid here."""

    application_id: str
    programme: Programme
    agency: Agency
    outcome: Outcome
    reason: str
    policy_basis: str  # the rule or document the agency decided under (文件依据)
    decided_by_role: str  # the programme's deciding role (the token's)
    decided_by_staff_id: str  # the clerk who decided (the token's subject)
    decided_by_org: str
    decided_on: date  # the civil day of the decision, Asia/Shanghai
    division_code: str  # the applicant's township
    registration: str
    household_size: int
    settlement: Settlement
    amount_fen: int | None = None  # one_off: paid once; by_agency: what the agency paid, if said
    persons: int | None = None  # per_person: the members approved
    payee_name: str | None = None  # paid here (one_off, per_person): the applicant
    bank_account: str | None = None  # paid here: the household's account (topics: masked)


@event_type("intake.StaffRelativeDeclared", version=1)
@dataclass(frozen=True)
class StaffRelativeDeclared:
    """A member is a close relative of a cadre or civil affairs staff member: registered apart."""

    application_id: str
    division_code: str
    member_resident_id: str
    official_name: str
    official_role: OfficialRole
    official_org: str
    kinship: Kinship


@event_type("intake.ApplicationAmended", version=1)
@dataclass(frozen=True)
class ApplicationAmended:
    """The household corrected its declared figures or bank account."""

    application_id: str
    declared_monthly_income_fen: int
    declared_assets_fen: int
    bank_account: str | None
    reason: str


@event_type("intake.ApplicationWithdrawn", version=1)
@dataclass(frozen=True)
class ApplicationWithdrawn:
    """The household withdrew the application; pending programmes will not be decided."""

    application_id: str
    reason: str
