"""Verification's decisions: the cross-service contracts payments and supervision consume (v1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shared.eventstore.registry import event_type


@dataclass(frozen=True)
class ApprovedMember:
    """A member as the approval names them."""

    resident_id: str
    name: str
    relation: str


@event_type("verification.CaseApproved")
@dataclass(frozen=True)
class CaseApproved:
    """The county approved the programme for the household (contract v1)."""

    case_id: str
    programme: str
    division_code: str
    county_code: str
    registration: str
    household_size: int
    members: tuple[ApprovedMember, ...]
    assessed_monthly_income_fen: int
    approved_monthly_amount_fen: int
    rural_class: int | None
    effective_from: date
    next_review_due: date
    bank_account: str | None
    bank_account_holder_resident_id: str | None = None  # optional (SUP-3): null when unknown


@event_type("verification.CaseRejected")
@dataclass(frozen=True)
class CaseRejected:
    """The county refused the programme, with its reason and the right to appeal (contract v1)."""

    case_id: str
    programme: str
    division_code: str
    reason: str
    appeal_rights: str


@event_type("verification.BenefitAdjusted")
@dataclass(frozen=True)
class BenefitAdjusted:
    """The monthly amount changed from a date (contract v1)."""

    case_id: str
    programme: str
    approved_monthly_amount_fen: int
    effective_from: date


@event_type("verification.BenefitSuspended")
@dataclass(frozen=True)
class BenefitSuspended:
    """Payment stops from a date pending clarification (contract v1)."""

    case_id: str
    programme: str
    effective_from: date
    reason: str


@event_type("verification.BenefitTerminated")
@dataclass(frozen=True)
class BenefitTerminated:
    """The household leaves the programme from a date (contract v1)."""

    case_id: str
    programme: str
    effective_from: date
    reason: str


@event_type("verification.RecheckOpened")
@dataclass(frozen=True)
class RecheckOpened:
    """A re-check (periodic, on a complaint or a supervision order) reopened investigation."""

    case_id: str
    programme: str
    reason: str
    requested_by_complaint_id: str | None
