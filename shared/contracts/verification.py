"""Typed contracts of the events verification publishes, one per type at its current
version. Generated from verification's registry by `python -m services contracts`: do not edit.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from shared.contracts import Contract, Part, Upcaster, upcasters


class ApprovedMember(Part):
    """A member as the approval names them."""

    resident_id: str
    name: str
    relation: str
    self_care: Literal["full", "partial", "none"] | None = None
    disability_grade: int | None = None


class Guardian(Part):
    """Who looks after the child; an institution's guardian carries no resident ID."""

    name: str
    relation: str
    resident_id: str | None = None
    phone: str | None = None
    bank_account: str | None = None


class Member(Part):
    """A household member as intake registered them."""

    resident_id: str
    name: str
    relation: str
    disability_grade: int | None = None
    health: str | None = None
    work: str | None = None
    schooling: str | None = None


class Migration(Part):
    """Where a case taken over from the system SafetyNet replaces came from (ADR 0037): the
    import, the SHA-256 of its source file, the household's first row and its number there."""

    migration_id: str
    source_sha256: str
    row: int
    household_ref: str
    policy: str = "migration"


class SelfCareAssessment(Part):
    """A member's ability to look after themselves as the visit found it (VER-8)."""

    resident_id: str
    ability: Literal["full", "partial", "none"]


class AppraisalRecorded(Contract):
    """A democratic appraisal (民主评议) was held; it informs but never decides."""

    TYPE: ClassVar[str] = "verification.AppraisalRecorded"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    held_on: date
    participants: int
    outcome: str


class BatchAssigned(Contract):
    """The county took the proposal into one of its batches."""

    TYPE: ClassVar[str] = "verification.BatchAssigned"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    batch_id: str


class BenefitAdjusted(Contract):
    """The monthly amount changed from a date (contract v1)."""

    TYPE: ClassVar[str] = "verification.BenefitAdjusted"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    approved_monthly_amount_fen: int
    effective_from: date


class BenefitResumed(Contract):
    """Payment runs again from a date (ADR 0066): a suspension cleared up, or the survivors of
    a member's death at the amount the county set for them (contract v1). `household_size`
    counts the members alive; back months a run left unpaid since the stop are paid back."""

    TYPE: ClassVar[str] = "verification.BenefitResumed"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    approved_monthly_amount_fen: int | None
    effective_from: date
    reason: str
    household_size: int


class BenefitSuspended(Contract):
    """Payment stops from a date pending clarification (contract v1): the county's, a death's,
    or one supervision ordered on an upheld complaint (ADR 0023 amended), which names the
    order and its complaint; the county resumes or terminates it like any other."""

    TYPE: ClassVar[str] = "verification.BenefitSuspended"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    effective_from: date
    reason: str
    corrective_action_id: str | None = None
    ordered_on_complaint_id: str | None = None


class BenefitTerminated(Contract):
    """The household leaves the programme from a date (contract v1)."""

    TYPE: ClassVar[str] = "verification.BenefitTerminated"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    effective_from: date
    reason: str


class CalendarYearSet(Contract):
    """An operator set (or corrected) a year's holidays and make-up working days."""

    TYPE: ClassVar[str] = "verification.CalendarYearSet"
    VERSION: ClassVar[int] = 1
    year: int
    holidays: tuple[date, ...]
    makeup_workdays: tuple[date, ...]
    document_ref: str
    reason: str


class CareVisitRecorded(Contract):
    """The township visited the child (关爱走访); the guardianship as the visit found it."""

    TYPE: ClassVar[str] = "verification.CareVisitRecorded"
    VERSION: ClassVar[int] = 1
    child_id: str
    division_code: str
    visited_on: date
    visited_by: tuple[str, ...]
    guardianship_status: Literal["parental", "entrusted", "institutional", "inadequate", "none"]
    follow_up_needed: bool
    notes: str


class CaseAmended(Contract):
    """The household corrected its declared figures or its bank account at intake before the
    case was decided (intake.ApplicationAmended): what the case verifies and pays from now
    on."""

    TYPE: ClassVar[str] = "verification.CaseAmended"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    declared_monthly_income_fen: int
    declared_assets_fen: int
    bank_account: str | None
    reason: str


class CaseApproved(Contract):
    """The county approved the programme for the household (contract v1)."""

    TYPE: ClassVar[str] = "verification.CaseApproved"
    VERSION: ClassVar[int] = 1
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
    bank_account_holder_resident_id: str | None = None
    amount_basis: Literal["rule", "override"] | None = None
    override_reason: str | None = None
    overridden_by: str | None = None
    declared_relative: bool = False
    care_arrangement: Literal["centralised", "scattered"] | None = None
    migrated: Migration | None = None


class CaseOpened(Contract):
    """Verification opened its own case for a programme of a submitted application."""

    TYPE: ClassVar[str] = "verification.CaseOpened"
    VERSION: ClassVar[int] = 2
    UPCASTERS: ClassVar[dict[int, Upcaster]] = {1: upcasters.upcast_case_opened_v1_v2}
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
    bank_account_holder_resident_id: str | None = None
    migrated: Migration | None = None


class CaseOverdue(Contract):
    """A processing deadline (in working days) passed without the step being done."""

    TYPE: ClassVar[str] = "verification.CaseOverdue"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    clock: str
    due_on: date


class CaseRejected(Contract):
    """The county refused the programme, with its reason and the right to appeal (contract v1)."""

    TYPE: ClassVar[str] = "verification.CaseRejected"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    division_code: str
    reason: str
    appeal_rights: str
    declared_relative: bool = False


class CaseWithdrawn(Contract):
    """The household withdrew the application before a decision; the case closes."""

    TYPE: ClassVar[str] = "verification.CaseWithdrawn"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    reason: str


class ChildAllowanceAssessed(Contract):
    """The county assessed the child for an allowance (contract v1, consumed by payments)."""

    TYPE: ClassVar[str] = "verification.ChildAllowanceAssessed"
    VERSION: ClassVar[int] = 1
    child_id: str
    allowance: Literal["orphan_allowance", "child_in_difficulty_allowance"]
    decision: Literal["granted", "refused"]
    division_code: str
    county_code: str
    registration: str
    category: Literal["left_behind", "in_difficulty", "orphan", "poor_disabled"]
    effective_from: date | None
    reason: str
    policy_basis: str
    eligibility_rule: str
    decided_by: str
    decided_on: date
    payee_name: str
    bank_account: str | None
    age_limit: int | None = None
    age_limit_policy_version: int | None = None
    coming_of_age_period: str | None = None


class ChildAllowanceEnded(Contract):
    """The county ended the child's allowance before the age limit (contract v1, consumed by
    payments): nothing is paid for months from `effective_from` (the next month's first
    day)."""

    TYPE: ClassVar[str] = "verification.ChildAllowanceEnded"
    VERSION: ClassVar[int] = 1
    child_id: str
    allowance: str
    division_code: str
    county_code: str
    effective_from: date
    reason_code: Literal["adoption", "guardian_able_to_support", "death", "moved_away", "other"]
    reason: str
    policy_basis: str
    decided_by: str
    decided_on: date


class ChildRegistered(Contract):
    """The township put a child on the register with the guardian and the guardianship found."""

    TYPE: ClassVar[str] = "verification.ChildRegistered"
    VERSION: ClassVar[int] = 1
    child_id: str
    resident_id: str
    name: str
    division_code: str
    county_code: str
    registration: str
    category: Literal["left_behind", "in_difficulty", "orphan", "poor_disabled"]
    guardianship_status: Literal["parental", "entrusted", "institutional", "inadequate", "none"]
    guardian: Guardian | None
    registered_on: date


class DeadlineExtended(Contract):
    """The township extended the whole-process deadline (30 → 45 working days), with a reason."""

    TYPE: ClassVar[str] = "verification.DeadlineExtended"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    reason: str
    whole_process_days: int


class DeathReported(Contract):
    """A partner department (public security) reported a member of the household dead (VER-7)."""

    TYPE: ClassVar[str] = "verification.DeathReported"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    division_code: str
    resident_id: str
    relation: str
    died_on: date
    reported_by_department: str
    source_ref: str
    stage_when_reported: str
    opens_termination_review: bool


class DeceasedApprovalOverridden(Contract):
    """The county approved although a member was reported dead, and recorded why."""

    TYPE: ClassVar[str] = "verification.DeceasedApprovalOverridden"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    residents_masked: tuple[str, ...]
    reason: str


class DeclaredRelativeNoted(Contract):
    """A member is a declared close relative of an official (INT-10): the case is always in the
    county's spot-check sample and is decided at county level only."""

    TYPE: ClassVar[str] = "verification.DeclaredRelativeNoted"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    member_masked: str
    official_role: str
    kinship: str


class DisabledPersonScreened(Contract):
    """The township screened a disabled person against the extreme-poverty rules; `flagged`
    when every condition holds, else `unmet` names those that do not."""

    TYPE: ClassVar[str] = "verification.DisabledPersonScreened"
    VERSION: ClassVar[int] = 1
    screening_id: str
    resident_id: str
    name: str
    division_code: str
    county_code: str
    disability_kind: Literal[
        "intellectual", "mental", "physical", "visual", "hearing", "speech", "multiple"
    ]
    disability_grade: int
    has_living_source: bool
    supporter: Literal["none", "unable", "able"]
    screened_on: date
    flagged: bool
    unmet: tuple[str, ...]
    rule: str


class EconomicVerificationCompleted(Contract):
    """Every source answered for every member; assessment compared with the declaration."""

    TYPE: ClassVar[str] = "verification.EconomicVerificationCompleted"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    assessed_monthly_income_fen: int
    assessed_assets_fen: int
    declared_monthly_income_fen: int
    declared_assets_fen: int
    differences: tuple[str, ...]


class EvidenceRecorded(Contract):
    """One partner source answered (or an officer entered its answer) about one member."""

    TYPE: ClassVar[str] = "verification.EvidenceRecorded"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    source: str
    resident_id: str
    monthly_income_fen: int
    assets_fen: int
    deceased: bool
    reference: str
    obtained_by: str


class EvidenceRequestFailed(Contract):
    """A partner source did not answer after its retries (or its circuit was open)."""

    TYPE: ClassVar[str] = "verification.EvidenceRequestFailed"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    source: str
    resident_id: str
    error: str
    attempts: int


class ExtremePovertyInclusionDecided(Contract):
    """The county acted on a flag: include the person in extreme-poverty support (the township
    takes the application, `application_ref` when known) or decline, with the reason."""

    TYPE: ClassVar[str] = "verification.ExtremePovertyInclusionDecided"
    VERSION: ClassVar[int] = 1
    screening_id: str
    division_code: str
    decision: Literal["include", "decline"]
    reason: str
    decided_by: str
    decided_on: date
    application_ref: str | None = None


class InvestigationRecorded(Contract):
    """The township's household visit (入户调查) by at least two staff, with findings."""

    TYPE: ClassVar[str] = "verification.InvestigationRecorded"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    staff: tuple[str, ...]
    visited_on: date
    findings: str
    self_care: tuple[SelfCareAssessment, ...] = ()


class ManualFollowUpRequired(Contract):
    """Some answers are missing: retry later or enter them by hand; the case waits, never lost."""

    TYPE: ClassVar[str] = "verification.ManualFollowUpRequired"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    missing: tuple[str, ...]


class NoticePublished(Contract):
    """The proposal was posted at the place of residence; objections are taken until the end."""

    TYPE: ClassVar[str] = "verification.NoticePublished"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    village_code: str
    published_on: date
    period_ends_on: date
    period_days: int | None = None
    policy_version: int | None = None


class ObjectionRaised(Contract):
    """Someone (perhaps anonymous) objected; the case goes back to investigation."""

    TYPE: ClassVar[str] = "verification.ObjectionRaised"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    objection_id: str
    anonymous: bool
    content: str
    raised_on: date


class PolicySet(Contract):
    """The province (or a county) set a verification policy number from a date (VER-5, VER-6)."""

    TYPE: ClassVar[str] = "verification.PolicySet"
    VERSION: ClassVar[int] = 1
    name: str
    value: str
    effective_from: date
    scope: str
    reason: str
    version: int


class PriorityFlagged(Contract):
    """A member qualifies for priority treatment (VER-8), for payments and supervision."""

    TYPE: ClassVar[str] = "verification.PriorityFlagged"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    flag: str
    resident_id: str
    reason: str


class ProposalSubmitted(Contract):
    """The township reviewed the case and proposes it, with a benefit, to the county."""

    TYPE: ClassVar[str] = "verification.ProposalSubmitted"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    proposed_monthly_amount_fen: int
    rural_class: int | None
    review_opinion: str
    submitted_on: date


class RecheckOpened(Contract):
    """A re-check (periodic, on a complaint or a supervision order) reopened investigation."""

    TYPE: ClassVar[str] = "verification.RecheckOpened"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    reason: str
    requested_by_complaint_id: str | None


class ReviewScheduled(Contract):
    """A re-check ended; the next periodic re-review is due on a date (VER-7)."""

    TYPE: ClassVar[str] = "verification.ReviewScheduled"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    reviewed_on: date
    next_review_due: date


class SpotCheckRecorded(Contract):
    """County staff visited a sampled household (入户抽查)."""

    TYPE: ClassVar[str] = "verification.SpotCheckRecorded"
    VERSION: ClassVar[int] = 1
    batch_id: str
    household: str
    visited_by: tuple[str, ...]
    visited_on: date
    findings: str
    confirms_proposal: bool


class SpotCheckSampleDrawn(Contract):
    """The county formed a batch of a township's proposals and drew its spot-check sample."""

    TYPE: ClassVar[str] = "verification.SpotCheckSampleDrawn"
    VERSION: ClassVar[int] = 1
    batch_id: str
    county_code: str
    township_code: str
    households: tuple[str, ...]
    rate: str
    seed: str
    sample: tuple[str, ...]
    policy_version: int | None = None
    policy_rate: str | None = None
    declared_relatives: tuple[str, ...] = ()


class StoreDigestSealed(Contract):
    """A run of this service's event store sealed under a Merkle root chained on the last one."""

    TYPE: ClassVar[str] = "verification.StoreDigestSealed"
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


class VerificationDueSet(Contract):
    """Assistance was granted first (green channel); verification must be decided by a date."""

    TYPE: ClassVar[str] = "verification.VerificationDueSet"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    due_on: date
    prior_assistance_programme: str
