"""Verification's decisions: the cross-service contracts payments and supervision consume (v1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from shared.eventstore.registry import event_type

SelfCare = Literal["full", "partial", "none"]  # 生活自理 / 半失能 / 失能
AmountBasis = Literal["rule", "override"]
CareArrangement = Literal["centralised", "scattered"]  # 集中供养 / 分散供养


@dataclass(frozen=True)
class ApprovedMember:
    """A member as the approval names them."""

    resident_id: str
    name: str
    relation: str
    # extreme poverty: the township's self-care assessment (VER-8), which sets the care standard
    self_care: SelfCare | None = None
    # 残疾等级 1-4 as registered: the disability subsidies pay per member with one (PAY-3)
    disability_grade: int | None = None


@dataclass(frozen=True)
class Migration:
    """Where a case taken over from the system SafetyNet replaces came from (ADR 0037): the
    import, the SHA-256 of its source file, the household's first row and its number there."""

    migration_id: str
    source_sha256: str
    row: int
    household_ref: str  # the household's number in the old system (not personal data)
    policy: str = "migration"  # decided under the old system's rules, not re-verified here


@event_type("verification.CaseApproved", version=1)
@dataclass(frozen=True)
class CaseApproved:
    """The county approved the programme for the household (contract v1).

    `amount_basis` "rule": payments computes the amount by the programme's rule (PAY-2) and
    recomputes it when standards change (PAY-4); `approved_monthly_amount_fen` is then 0.
    "override": the county fixed `approved_monthly_amount_fen`, with `override_reason` and
    `overridden_by`. Absent (events recorded before it existed): 0 means rule, else override.
    """

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
    amount_basis: AmountBasis | None = None
    override_reason: str | None = None
    overridden_by: str | None = None  # the county officer who fixed the amount
    declared_relative: bool = False  # INT-10: a member is a declared relative of an official
    # extreme poverty: how the person is cared for (SUP-10); null when not stated at approval
    care_arrangement: CareArrangement | None = None
    # a case migrated from the old system (ADR 0037); null for a case approved here
    migrated: Migration | None = None


def amount_basis_of(approved: CaseApproved) -> AmountBasis:
    """How the approval's amount is set, also for approvals recorded before the field existed."""
    if approved.amount_basis is not None:
        return approved.amount_basis
    return "override" if approved.approved_monthly_amount_fen > 0 else "rule"


@event_type("verification.CaseRejected", version=1)
@dataclass(frozen=True)
class CaseRejected:
    """The county refused the programme, with its reason and the right to appeal (contract v1)."""

    case_id: str
    programme: str
    division_code: str
    reason: str
    appeal_rights: str
    declared_relative: bool = False  # INT-10: a member is a declared relative of an official


@event_type("verification.BenefitAdjusted", version=1)
@dataclass(frozen=True)
class BenefitAdjusted:
    """The monthly amount changed from a date (contract v1)."""

    case_id: str
    programme: str
    approved_monthly_amount_fen: int
    effective_from: date


@event_type("verification.BenefitSuspended", version=1)
@dataclass(frozen=True)
class BenefitSuspended:
    """Payment stops from a date pending clarification (contract v1): the county's, a death's,
    or one supervision ordered on an upheld complaint (ADR 0023 amended), which names the order
    and its complaint; the county resumes or terminates it like any other."""

    case_id: str
    programme: str
    effective_from: date
    reason: str
    corrective_action_id: str | None = None  # supervision's order this suspension carries out
    ordered_on_complaint_id: str | None = None  # the complaint the order was made on


@event_type("verification.BenefitTerminated", version=1)
@dataclass(frozen=True)
class BenefitTerminated:
    """The household leaves the programme from a date (contract v1)."""

    case_id: str
    programme: str
    effective_from: date
    reason: str


@event_type("verification.BenefitResumed", version=1)
@dataclass(frozen=True)
class BenefitResumed:
    """Payment runs again from a date (ADR 0066): a suspension cleared up, or the survivors of a
    member's death at the amount the county set for them (contract v1). `household_size` counts
    the members alive; back months a run left unpaid since the stop are paid back."""

    case_id: str
    programme: str
    approved_monthly_amount_fen: int | None  # None: the amount in force goes on
    effective_from: date
    reason: str
    household_size: int


@event_type("verification.RecheckOpened", version=1)
@dataclass(frozen=True)
class RecheckOpened:
    """A re-check (periodic, on a complaint or a supervision order) reopened investigation."""

    case_id: str
    programme: str
    reason: str
    requested_by_complaint_id: str | None
