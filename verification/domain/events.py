"""Verification's events: each stage of a case, the county batch, decisions and alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shared.contracts.upcasters import upcast_case_opened_v1_v2
from shared.eventstore.registry import EventRegistry, event_type
from shared.policy import PolicySet as PolicySetBase
from verification.domain.children import CHILDREN_EVENTS  # the care register (VER-10)
from verification.domain.decision_events import (  # the published decision contracts
    BenefitAdjusted,
    BenefitResumed,
    BenefitSuspended,
    BenefitTerminated,
    CaseApproved,
    CaseRejected,
    Migration,
    RecheckOpened,
    SelfCare,
)
from verification.domain.inclusion import INCLUSION_EVENTS  # disabled persons (VER-10)


@dataclass(frozen=True)
class Member:
    """A household member as intake registered them."""

    resident_id: str
    name: str
    relation: str
    disability_grade: int | None = None
    health: str | None = None
    work: str | None = None
    schooling: str | None = None


@event_type("verification.CaseOpened", version=2)
@dataclass(frozen=True)
class CaseOpened:
    """Verification opened its own case for a programme of a submitted application."""

    case_id: str
    programme: str
    division_code: str
    registration: str
    household_size: int
    declared_monthly_income_fen: int
    authorisation_ref: str
    members: tuple[Member, ...] = ()
    declared_assets_fen: int = 0
    bank_account: str | None = None
    opened_on: date | None = None
    bank_account_holder_resident_id: str | None = None  # optional (SUP-3): null when not recorded
    migrated: Migration | None = None  # a case taken over from the old system (ADR 0037)


@event_type("verification.EvidenceRecorded", version=1)
@dataclass(frozen=True)
class EvidenceRecorded:
    """One partner source answered (or an officer entered its answer) about one member."""

    case_id: str
    programme: str
    source: str
    resident_id: str
    monthly_income_fen: int
    assets_fen: int
    deceased: bool
    reference: str
    obtained_by: str  # partner_api | manual


@event_type("verification.EvidenceRequestFailed", version=1)
@dataclass(frozen=True)
class EvidenceRequestFailed:
    """A partner source did not answer after its retries (or its circuit was open)."""

    case_id: str
    programme: str
    source: str
    resident_id: str
    error: str
    attempts: int


@event_type("verification.ManualFollowUpRequired", version=1)
@dataclass(frozen=True)
class ManualFollowUpRequired:
    """Some answers are missing: retry later or enter them by hand; the case waits, never lost."""

    case_id: str
    programme: str
    missing: tuple[str, ...]  # "source:masked resident id"


@event_type("verification.EconomicVerificationCompleted", version=1)
@dataclass(frozen=True)
class EconomicVerificationCompleted:
    """Every source answered for every member; assessment compared with the declaration."""

    case_id: str
    programme: str
    assessed_monthly_income_fen: int
    assessed_assets_fen: int
    declared_monthly_income_fen: int
    declared_assets_fen: int
    differences: tuple[str, ...]


@dataclass(frozen=True)
class SelfCareAssessment:
    """A member's ability to look after themselves as the visit found it (VER-8)."""

    resident_id: str
    ability: SelfCare  # full 生活自理 | partial 半失能 | none 失能


@event_type("verification.InvestigationRecorded", version=1)
@dataclass(frozen=True)
class InvestigationRecorded:
    """The township's household visit (入户调查) by at least two staff, with findings."""

    case_id: str
    programme: str
    staff: tuple[str, ...]
    visited_on: date
    findings: str
    self_care: tuple[SelfCareAssessment, ...] = ()  # extreme poverty: each member's assessment


@event_type("verification.AppraisalRecorded", version=1)
@dataclass(frozen=True)
class AppraisalRecorded:
    """A democratic appraisal (民主评议) was held; it informs but never decides."""

    case_id: str
    programme: str
    held_on: date
    participants: int
    outcome: str


@event_type("verification.ProposalSubmitted", version=1)
@dataclass(frozen=True)
class ProposalSubmitted:
    """The township reviewed the case and proposes it, with a benefit, to the county."""

    case_id: str
    programme: str
    proposed_monthly_amount_fen: int
    rural_class: int | None
    review_opinion: str
    submitted_on: date


@event_type("verification.BatchAssigned", version=1)
@dataclass(frozen=True)
class BatchAssigned:
    """The county took the proposal into one of its batches."""

    case_id: str
    programme: str
    batch_id: str


@event_type("verification.SpotCheckSampleDrawn", version=1)
@dataclass(frozen=True)
class SpotCheckSampleDrawn:
    """The county formed a batch of a township's proposals and drew its spot-check sample."""

    batch_id: str
    county_code: str
    township_code: str
    households: tuple[str, ...]  # "case_id/programme", sorted
    rate: str  # decimal text, never below the floor
    seed: str
    sample: tuple[str, ...]
    policy_version: int | None = None  # the spot_check_rate setting in force (0: default)
    policy_rate: str | None = None  # the rate that setting required (a batch may ask more)
    # INT-10 (additive): households with a declared relative of an official, always in the sample
    # beyond the random draw (sample = the draw from the seed ∪ these)
    declared_relatives: tuple[str, ...] = ()


@event_type("verification.SpotCheckRecorded", version=1)
@dataclass(frozen=True)
class SpotCheckRecorded:
    """County staff visited a sampled household (入户抽查)."""

    batch_id: str
    household: str
    visited_by: tuple[str, ...]
    visited_on: date
    findings: str
    confirms_proposal: bool


@event_type("verification.NoticePublished", version=1)
@dataclass(frozen=True)
class NoticePublished:
    """The proposal was posted at the place of residence; objections are taken until the end."""

    case_id: str
    programme: str
    village_code: str
    published_on: date
    period_ends_on: date
    period_days: int | None = None  # the notice period in force (absent from older events)
    policy_version: int | None = None  # the notice_period_days setting used (0: default)


@event_type("verification.ObjectionRaised", version=1)
@dataclass(frozen=True)
class ObjectionRaised:
    """Someone (perhaps anonymous) objected; the case goes back to investigation."""

    case_id: str
    programme: str
    objection_id: str
    anonymous: bool
    content: str
    raised_on: date


@event_type("verification.CaseOverdue", version=1)
@dataclass(frozen=True)
class CaseOverdue:
    """A processing deadline (in working days) passed without the step being done."""

    case_id: str
    programme: str
    clock: str  # investigation_start | county_decision | whole_process
    due_on: date


@event_type("verification.DeadlineExtended", version=1)
@dataclass(frozen=True)
class DeadlineExtended:
    """The township extended the whole-process deadline (30 → 45 working days), with a reason."""

    case_id: str
    programme: str
    reason: str
    whole_process_days: int


@event_type("verification.CaseWithdrawn", version=1)
@dataclass(frozen=True)
class CaseWithdrawn:
    """The household withdrew the application before a decision; the case closes."""

    case_id: str
    programme: str
    reason: str


@event_type("verification.CaseAmended", version=1)
@dataclass(frozen=True)
class CaseAmended:
    """The household corrected its declared figures or its bank account at intake before the
    case was decided (intake.ApplicationAmended): what the case verifies and pays from now on."""

    case_id: str
    programme: str
    declared_monthly_income_fen: int
    declared_assets_fen: int
    bank_account: str | None  # None: the account was not amended
    reason: str


@event_type("verification.VerificationDueSet", version=1)
@dataclass(frozen=True)
class VerificationDueSet:
    """Assistance was granted first (green channel); verification must be decided by a date."""

    case_id: str
    programme: str
    due_on: date
    prior_assistance_programme: str


@event_type("verification.ReviewScheduled", version=1)
@dataclass(frozen=True)
class ReviewScheduled:
    """A re-check ended; the next periodic re-review is due on a date (VER-7)."""

    case_id: str
    programme: str
    reviewed_on: date
    next_review_due: date


@event_type("verification.PriorityFlagged", version=1)
@dataclass(frozen=True)
class PriorityFlagged:
    """A member qualifies for priority treatment (VER-8), for payments and supervision."""

    case_id: str
    programme: str
    flag: str
    resident_id: str
    reason: str


@event_type("verification.DeathReported", version=1)
@dataclass(frozen=True)
class DeathReported:
    """A partner department (public security) reported a member of the household dead (VER-7)."""

    case_id: str
    programme: str
    division_code: str
    resident_id: str
    relation: str
    died_on: date
    reported_by_department: str  # public_security
    source_ref: str  # the partner's own record id
    stage_when_reported: str
    opens_termination_review: bool  # the benefit was running: the county must decide its end


@event_type("verification.DeceasedApprovalOverridden", version=1)
@dataclass(frozen=True)
class DeceasedApprovalOverridden:
    """The county approved although a member was reported dead, and recorded why."""

    case_id: str
    programme: str
    residents_masked: tuple[str, ...]
    reason: str


@event_type("verification.DeclaredRelativeNoted", version=1)
@dataclass(frozen=True)
class DeclaredRelativeNoted:
    """A member is a declared close relative of an official (INT-10): the case is always in the
    county's spot-check sample and is decided at county level only."""

    case_id: str
    programme: str
    member_masked: str
    official_role: str  # village_cadre | township_cadre | civil_affairs_staff
    kinship: str


@event_type("verification.PolicySet", version=1)
@dataclass(frozen=True)
class PolicySet(PolicySetBase):
    """The province (or a county) set a verification policy number from a date (VER-5, VER-6)."""


PUBLISHED = (
    CaseOpened,
    EvidenceRecorded,
    EvidenceRequestFailed,
    ManualFollowUpRequired,
    EconomicVerificationCompleted,
    InvestigationRecorded,
    AppraisalRecorded,
    ProposalSubmitted,
    BatchAssigned,
    SpotCheckSampleDrawn,
    SpotCheckRecorded,
    NoticePublished,
    ObjectionRaised,
    CaseApproved,
    CaseRejected,
    BenefitAdjusted,
    BenefitResumed,
    BenefitSuspended,
    BenefitTerminated,
    RecheckOpened,
    CaseOverdue,
    PriorityFlagged,
    DeadlineExtended,
    CaseWithdrawn,
    CaseAmended,
    VerificationDueSet,
    ReviewScheduled,
    PolicySet,
    DeathReported,
    DeceasedApprovalOverridden,
    DeclaredRelativeNoted,
    *CHILDREN_EVENTS,
    *INCLUSION_EVENTS,
)


def register_events(registry: EventRegistry) -> None:
    """Register every verification event (CaseOpened with its v1 upcaster)."""
    registry.register(CaseOpened, {1: upcast_case_opened_v1_v2})
    registry.register_all(*PUBLISHED[1:])
