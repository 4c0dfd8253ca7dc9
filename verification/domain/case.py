"""The verification case: one per application and programme, decided by county civil affairs.

One aggregate, one module: its state (what its events say, the `when_` appliers), the commands any
open case takes whatever its stage (priorities, deadlines, deaths, withdrawal: VER-8, VER-9), and
the decision path (verification, investigation, review, batch, notice, approval: VER-1 … VER-7).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from shared.domain.aggregate import Aggregate
from shared.privacy import mask_resident_id
from verification.domain import decision_events as decisions
from verification.domain import events as ev
from verification.domain.decision_events import ApprovedMember, CareArrangement, SelfCare
from verification.domain.errors import (
    AmountOverrideIncomplete,
    AppraisalCannotDecideAlone,
    AuthorisationMissing,
    CaseAlreadyOpen,
    ChangeBeforeBenefit,
    DeadlineAlreadyExtended,
    EvidenceNotRequested,
    InvalidBatch,
    MemberReportedDeceased,
    NobodyToResumeFor,
    NotAMember,
    NoticePeriodRunning,
    ResumptionBeforeStop,
    SelfCareNotAssessed,
    SpotCheckIncomplete,
    StageOutOfOrder,
    TooFewInvestigators,
)
from verification.domain.events import CaseOpened
from verification.domain.policy import SOURCES, assess, care_flags, next_review_due, priority_flags


class Stage(StrEnum):
    """Where a verification case stands."""

    ECONOMIC_VERIFICATION = "economic_verification"
    INVESTIGATION = "investigation"
    TOWNSHIP_REVIEW = "township_review"
    PROPOSED = "proposed"
    IN_BATCH = "in_batch"
    NOTICE = "notice"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    RECHECK = "recheck"
    TERMINATION_REVIEW = "termination_review"  # a death was reported: the county decides the end
    WITHDRAWN = "withdrawn"


OPEN_STAGES = (
    Stage.ECONOMIC_VERIFICATION,
    Stage.INVESTIGATION,
    Stage.TOWNSHIP_REVIEW,
    Stage.PROPOSED,
    Stage.IN_BATCH,
    Stage.NOTICE,
)
# Stages where the benefit runs or is under way to end: a death opens the termination review.
BENEFIT_STAGES = (Stage.APPROVED, Stage.SUSPENDED, Stage.RECHECK, Stage.TERMINATION_REVIEW)
_DEPARTMENTS = {"public_security": "公安部门"}


def month_after(day: date) -> date:
    """The first day of the month after `day`: payment stops from the next period."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


# Programmes that reach this service (the county civil affairs bureau decides them);
# the rest are decided by other agencies and tracked by intake's routing.
PROGRAMMES_DECIDED_HERE = frozenset(
    {
        "urban_dibao",
        "rural_dibao",
        "extreme_poverty",
        "temporary_assistance",
        "elderly_subsidy",
        "children_in_difficulty",
    }
)
# Of those, a grant paid once (PAY-8): approving it makes nobody hold the programme, so a later
# need is approved again (intake's desk holds the claim until payments has paid it, ADR 0032).
PAID_ONCE = frozenset({"temporary_assistance"})


@dataclass(frozen=True)
class AmountOverride:
    """The county fixes the monthly amount instead of the computed one, and says why (VER-7)."""

    amount_fen: int
    reason: str
    by: str

    def __post_init__(self) -> None:
        """An override of 0 fen or without a reason is refused."""
        if self.amount_fen <= 0 or not self.reason.strip():
            raise AmountOverrideIncomplete(
                "an override needs override_monthly_amount_fen above 0 and override_reason",
                "改定金额须大于0并写明理由 (override_monthly_amount_fen, override_reason)",
                field="override_reason" if self.amount_fen > 0 else "override_monthly_amount_fen",
            )


class VerificationCase(Aggregate):
    """Verification's own record of one application's programme."""

    stream_prefix = "verification"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.stage: Stage | None = None
        self.opened: CaseOpened | None = None
        self.evidence: dict[tuple[str, str], ev.EvidenceRecorded] = {}
        self.verified: ev.EconomicVerificationCompleted | None = None
        self.investigated = False
        self.appraised = False
        self.proposal: ev.ProposalSubmitted | None = None
        self.batch_id: str | None = None
        self.notice: ev.NoticePublished | None = None
        self.amount_fen = 0
        self.overdue: set[str] = set()
        self.flags: list[ev.PriorityFlagged] = []
        self.extended = False
        self.decide_by: date | None = None
        self.approved: decisions.CaseApproved | None = None
        self.next_review: date | None = None
        self.before_recheck: Stage | None = None
        self.deaths: dict[str, ev.DeathReported] = {}  # resident ID → the partner's report
        self.deceased_overridden = False
        self.self_care: dict[str, SelfCare] = {}  # resident ID → full | partial | none (VER-8)
        self.declared_relatives: set[tuple[str, str]] = set()  # (member masked, role) INT-10
        self.stopped_from: date | None = None  # the suspension in force (death or the county's)
        self.amount_set_since_approval = False  # an adjustment or resumption fixed the amount

    @property
    def household(self) -> str:
        """The key of this case inside a county batch: `case_id/programme`."""
        assert self.opened is not None
        return f"{self.opened.case_id}/{self.opened.programme}"

    def _require(self, *stages: Stage) -> CaseOpened:
        if self.opened is None or self.stage not in stages:
            allowed = ", ".join(stages)
            raise StageOutOfOrder(
                f"case {self.id} is at stage {self.stage}; this step needs {allowed}",
                f"案件 {self.id} 当前环节为 {self.stage}，此事项需在 {allowed} 环节办理",
                stage=str(self.stage),
                allowed_stages=list(stages),
            )
        return self.opened

    def _key(self) -> dict[str, str]:
        opened = self._require(*Stage)
        return {"case_id": opened.case_id, "programme": opened.programme}

    def when_CaseOpened(self, event: CaseOpened) -> None:
        self.stage, self.opened = Stage.ECONOMIC_VERIFICATION, event

    def when_EvidenceRecorded(self, event: ev.EvidenceRecorded) -> None:
        self.evidence[(event.source, event.resident_id)] = event

    def deceased_residents(self) -> list[str]:
        """Members a partner reported dead, by a death report or a verification answer."""
        found = set(self.deaths) | {r for (_, r), a in self.evidence.items() if a.deceased}
        return sorted(found)

    def when_DeathReported(self, event: ev.DeathReported) -> None:
        self.deaths.setdefault(event.resident_id, event)
        if event.opens_termination_review:
            self.stage = Stage.TERMINATION_REVIEW

    def when_DeceasedApprovalOverridden(self, event: ev.DeceasedApprovalOverridden) -> None:
        self.deceased_overridden = True

    def when_EvidenceRequestFailed(self, event: ev.EvidenceRequestFailed) -> None:
        pass

    def when_ManualFollowUpRequired(self, event: ev.ManualFollowUpRequired) -> None:
        pass

    def when_EconomicVerificationCompleted(self, event: ev.EconomicVerificationCompleted) -> None:
        self.stage, self.verified = Stage.INVESTIGATION, event

    def when_InvestigationRecorded(self, event: ev.InvestigationRecorded) -> None:
        self.investigated = True
        self.self_care.update((a.resident_id, a.ability) for a in event.self_care)
        if self.stage == Stage.RECHECK and self.before_recheck is not None:
            self.stage = self.before_recheck
        else:
            self.stage = Stage.TOWNSHIP_REVIEW

    def when_AppraisalRecorded(self, event: ev.AppraisalRecorded) -> None:
        self.appraised = True

    def when_ProposalSubmitted(self, event: ev.ProposalSubmitted) -> None:
        self.stage, self.proposal = Stage.PROPOSED, event

    def when_BatchAssigned(self, event: ev.BatchAssigned) -> None:
        self.stage, self.batch_id = Stage.IN_BATCH, event.batch_id

    def when_NoticePublished(self, event: ev.NoticePublished) -> None:
        self.stage, self.notice = Stage.NOTICE, event

    def when_ObjectionRaised(self, event: ev.ObjectionRaised) -> None:
        self.stage, self.investigated, self.notice = Stage.INVESTIGATION, False, None
        self.proposal, self.batch_id = None, None

    def when_CaseApproved(self, event: decisions.CaseApproved) -> None:
        self.stage, self.amount_fen = Stage.APPROVED, event.approved_monthly_amount_fen
        self.approved, self.next_review = event, event.next_review_due

    def when_CaseRejected(self, event: decisions.CaseRejected) -> None:
        self.stage = Stage.REJECTED

    def when_BenefitAdjusted(self, event: decisions.BenefitAdjusted) -> None:
        self.amount_fen = event.approved_monthly_amount_fen
        self.amount_set_since_approval = True

    def when_BenefitResumed(self, event: decisions.BenefitResumed) -> None:
        self.stage, self.stopped_from = Stage.APPROVED, None
        if event.approved_monthly_amount_fen is not None:
            self.amount_fen = event.approved_monthly_amount_fen
            self.amount_set_since_approval = True

    def when_BenefitSuspended(self, event: decisions.BenefitSuspended) -> None:
        if self.stage == Stage.RECHECK:  # the re-check goes on; it ends at the suspension
            self.before_recheck = Stage.SUSPENDED
        else:
            self.stage = Stage.SUSPENDED
        if self.stopped_from is None or event.effective_from < self.stopped_from:
            self.stopped_from = event.effective_from

    def when_BenefitTerminated(self, event: decisions.BenefitTerminated) -> None:
        self.stage = Stage.TERMINATED

    def when_RecheckOpened(self, event: decisions.RecheckOpened) -> None:
        self.before_recheck, self.stage = self.stage, Stage.RECHECK

    def when_ReviewScheduled(self, event: ev.ReviewScheduled) -> None:
        self.next_review = event.next_review_due

    def when_CaseOverdue(self, event: ev.CaseOverdue) -> None:
        self.overdue.add(event.clock)

    def when_PriorityFlagged(self, event: ev.PriorityFlagged) -> None:
        self.flags.append(event)

    def when_DeadlineExtended(self, event: ev.DeadlineExtended) -> None:
        self.extended = True

    def when_CaseWithdrawn(self, event: ev.CaseWithdrawn) -> None:
        self.stage = Stage.WITHDRAWN

    def when_CaseAmended(self, event: ev.CaseAmended) -> None:
        opened = self._require(*Stage)
        account = opened.bank_account if event.bank_account is None else event.bank_account
        # the holder recorded at submission held the account named then, not another one
        holder = opened.bank_account_holder_resident_id if account == opened.bank_account else None
        self.opened = replace(
            opened,
            declared_monthly_income_fen=event.declared_monthly_income_fen,
            declared_assets_fen=event.declared_assets_fen,
            bank_account=account,
            bank_account_holder_resident_id=holder,
        )

    def when_VerificationDueSet(self, event: ev.VerificationDueSet) -> None:
        self.decide_by = event.due_on

    def when_DeclaredRelativeNoted(self, event: ev.DeclaredRelativeNoted) -> None:
        self.declared_relatives.add((event.member_masked, event.official_role))

    @property
    def declared_relative(self) -> bool:
        """A member is a declared relative of an official (INT-10): extra scrutiny."""
        return bool(self.declared_relatives)

    # ---- commands any open case takes, whatever its stage ----

    def flag_priorities(self, today: date) -> None:
        """Raise the VER-8 priority flags of the household's members."""
        assert self.opened is not None
        for flag in priority_flags(self.opened, today):
            self.record(flag)

    def extend_deadline(self, reason: str, days: int) -> None:
        """Extend the whole process once, with the recorded reason (VER-9)."""
        self._require(*OPEN_STAGES)
        if self.extended:
            raise DeadlineAlreadyExtended(
                f"case {self.id} was already extended", f"案件 {self.id} 的办理时限已延长过"
            )
        self.record(ev.DeadlineExtended(**self._key(), reason=reason, whole_process_days=days))

    def withdraw(self, reason: str) -> bool:
        """Close an undecided case when the household withdraws; False if already decided."""
        if self.stage not in OPEN_STAGES:
            return False
        self.record(ev.CaseWithdrawn(**self._key(), reason=reason))
        return True

    def amend(self, income_fen: int, assets_fen: int, account: str | None, reason: str) -> bool:
        """Take the household's corrected figures and account while undecided; False once the
        case is decided (a benefit's account then changes in payments)."""
        if self.stage not in OPEN_STAGES:
            return False
        self.record(ev.CaseAmended(**self._key(), declared_monthly_income_fen=income_fen,
                                   declared_assets_fen=assets_fen, bank_account=account,
                                   reason=reason))  # fmt: skip
        return True

    def set_decide_by(self, due_on: date, prior_programme: str) -> bool:
        """Record the date a green-channel case must be decided by (once, while undecided)."""
        if self.stage not in OPEN_STAGES or self.decide_by is not None:
            return False
        self.record(
            ev.VerificationDueSet(
                **self._key(), due_on=due_on, prior_assistance_programme=prior_programme
            )
        )
        return True

    def note_declared_relative(self, resident_id: str, official_role: str, kinship: str) -> bool:
        """INT-10: record a declared relative of an official once (False when already noted or
        the case is closed)."""
        masked = mask_resident_id(resident_id)
        if self.stage not in OPEN_STAGES or (masked, official_role) in self.declared_relatives:
            return False
        self.record(
            ev.DeclaredRelativeNoted(
                **self._key(), member_masked=masked, official_role=official_role, kinship=kinship
            )
        )
        return True

    def flag_overdue(self, clock: str, due_on: date) -> None:
        """Raise a missed deadline once per clock (VER-9)."""
        if clock not in self.overdue:
            self.record(ev.CaseOverdue(**self._key(), clock=clock, due_on=due_on))

    def report_death(
        self, resident_id: str, died_on: date, department: str, source_ref: str
    ) -> bool:
        """A partner reports a member dead (VER-7): before approval the record blocks approval;
        on a running benefit payment stops from the next month and the termination review opens.
        False when nothing changes (the case is closed or that death is on record already)."""
        opened, stage = self.opened, self.stage
        running = stage in BENEFIT_STAGES
        if opened is None or resident_id in self.deaths:
            return False
        if self.stage not in OPEN_STAGES and not running:
            return False
        member = next((m for m in opened.members if m.resident_id == resident_id), None)
        if member is None:
            return False
        who = _DEPARTMENTS.get(department, department)
        reason = f"{who}报告家庭成员于{died_on}死亡，自次月起停发"
        if self.stage in (Stage.APPROVED, Stage.RECHECK):
            self.record(
                decisions.BenefitSuspended(
                    **self._key(), effective_from=month_after(died_on), reason=reason
                )
            )
        self.record(
            ev.DeathReported(
                **self._key(),
                division_code=opened.division_code,
                resident_id=resident_id,
                relation=member.relation,
                died_on=died_on,
                reported_by_department=department,
                source_ref=source_ref,
                stage_when_reported=str(stage),
                opens_termination_review=running,
            )
        )
        return True

    def ensure_nobody_deceased(self, override_reason: str | None) -> None:
        """Approval of a household with a member reported dead needs an override with a reason."""
        dead = [mask_resident_id(r) for r in self.deceased_residents()]
        if not dead or self.deceased_overridden:
            return
        if override_reason is None or not override_reason.strip():
            raise MemberReportedDeceased(
                f"members reported deceased: {', '.join(dead)}; approve only with"
                " override_deceased_reason",
                f"家庭成员 {'、'.join(dead)} 已被报告死亡；"
                "如确需审批，须填写 override_deceased_reason",
                residents_masked=dead,
            )
        self.record(
            ev.DeceasedApprovalOverridden(
                **self._key(), residents_masked=tuple(dead), reason=override_reason.strip()
            )
        )

    # ---- the decision path ----

    """Verification's own record of one application's programme."""

    @staticmethod
    def id_for(case_id: str, programme: str) -> str:
        """The aggregate id of the case for one programme."""
        return f"{case_id}-{programme}"

    def open(self, opened: CaseOpened) -> None:
        """Open the case once."""
        if self.stage is not None:
            raise CaseAlreadyOpen(f"case {self.id} is already open", f"案件 {self.id} 已建立")
        self.record(opened)

    def migrate(self, opened: CaseOpened, approved: decisions.CaseApproved) -> None:
        """Take over a case the old system approved (ADR 0037): opened and approved at once,
        both events marked with where they came from."""
        if opened.migrated is None or approved.migrated is None:
            raise ValueError("a migrated case's events carry their migration marker")
        self.open(opened)
        self.record(approved)

    def missing_queries(self) -> list[tuple[str, str]]:
        """The (source, resident ID) pairs still without an answer (VER-1)."""
        opened = self._require(Stage.ECONOMIC_VERIFICATION)
        if not opened.authorisation_ref.strip():
            raise AuthorisationMissing(
                "economic verification needs the household's signed authorisation on record",
                "家庭经济状况核对须有家庭成员签署的授权书",
                field="authorisation",
            )
        wanted = [(s, m.resident_id) for m in opened.members for s in SOURCES]
        return [pair for pair in wanted if pair not in self.evidence]

    def record_evidence(
        self, answers: list[ev.EvidenceRecorded], failures: list[ev.EvidenceRequestFailed]
    ) -> None:
        """Record what the sources said; complete the check or mark it for manual follow-up."""
        waiting = set(self.missing_queries())
        unexpected = [a for a in answers if (a.source, a.resident_id) not in waiting]
        if unexpected:
            raise EvidenceNotRequested(
                f"no open request to {unexpected[0].source} about that member",
                f"未向 {unexpected[0].source} 请求该成员的核对结果",
                field="resident_id",
            )
        for answer in answers:
            self.record(answer)
        for failure in failures:
            self.record(failure)
        missing = self.missing_queries()
        if missing:
            keys = tuple(f"{s}:{mask_resident_id(r)}" for s, r in missing)
            self.record(ev.ManualFollowUpRequired(**self._key(), missing=keys))
            return
        assert self.opened is not None
        self.record(assess(self.opened, list(self.evidence.values())))

    def record_replies(
        self, answers: list[ev.EvidenceRecorded], failures: list[ev.EvidenceRequestFailed]
    ) -> None:
        """Record the sources' replies to queries asked before this command: only those still
        unanswered count (another answer may have come in while the sources were asked)."""
        waiting = set(self.missing_queries())
        self.record_evidence(
            [a for a in answers if (a.source, a.resident_id) in waiting],
            [f for f in failures if (f.source, f.resident_id) in waiting],
        )

    def record_investigation(
        self,
        staff: list[str],
        visited_on: date,
        findings: str,
        self_care: dict[str, SelfCare] | None = None,
    ) -> None:
        """The township's household visit: at least two staff (VER-2), and for extreme poverty
        each member's self-care ability (VER-8), which flags the partly or wholly dependent for
        centralised care."""
        opened = self._require(Stage.INVESTIGATION, Stage.RECHECK)
        members = {m.resident_id for m in opened.members}
        strangers = sorted(set(self_care or {}) - members)
        if strangers:
            raise NotAMember(
                f"{mask_resident_id(strangers[0])} is not a member of case {self.id}",
                f"{mask_resident_id(strangers[0])} 不是本户家庭成员",
                field="self_care",
            )
        rechecking = self.stage == Stage.RECHECK
        if len(set(staff)) < 2:
            raise TooFewInvestigators(
                f"{len(set(staff))} distinct staff recorded; at least 2 must visit",
                f"记录的调查人员为{len(set(staff))}人，入户调查不得少于2人",
                field="staff",
            )
        assessments = tuple(
            ev.SelfCareAssessment(resident, ability)
            for resident, ability in sorted((self_care or {}).items())
        )
        self.record(
            ev.InvestigationRecorded(
                **self._key(),
                staff=tuple(staff),
                visited_on=visited_on,
                findings=findings,
                self_care=assessments,
            )
        )
        flagged = {(f.flag, f.resident_id) for f in self.flags}
        for flag in care_flags(opened, assessments):
            if (flag.flag, flag.resident_id) not in flagged:
                self.record(flag)
        if rechecking:
            rural_class = self.approved.rural_class if self.approved else None
            due = next_review_due(opened.registration, rural_class, visited_on)
            self.record(
                ev.ReviewScheduled(**self._key(), reviewed_on=visited_on, next_review_due=due)
            )

    def record_appraisal(self, held_on: date, participants: int, outcome: str) -> None:
        """Democratic appraisal may be recorded before the proposal (VER-3)."""
        self._require(Stage.ECONOMIC_VERIFICATION, Stage.INVESTIGATION, Stage.TOWNSHIP_REVIEW)
        self.record(
            ev.AppraisalRecorded(
                **self._key(), held_on=held_on, participants=participants, outcome=outcome
            )
        )

    def _require_evidence(self) -> None:
        if self.verified is not None and self.investigated:
            return
        if self.appraised:
            raise AppraisalCannotDecideAlone(
                "a decision needs economic verification and household investigation evidence,"
                " not only a democratic appraisal",
                "审核审批须以家庭经济状况核对和入户调查为依据，不得单纯依据民主评议结果",
            )
        self._require(Stage.TOWNSHIP_REVIEW)

    def submit_proposal(
        self, amount_fen: int, rural_class: int | None, opinion: str, today: date
    ) -> None:
        """The township's review sends the case with a proposed benefit to the county (VER-4);
        the amount is information for the county, which approves the computed one by default."""
        self._require_evidence()
        opened = self._require(Stage.TOWNSHIP_REVIEW)
        unassessed = [m for m in opened.members if m.resident_id not in self.self_care]
        if opened.programme == "extreme_poverty" and unassessed:
            masked = mask_resident_id(unassessed[0].resident_id)
            raise SelfCareNotAssessed(
                f"record the self-care ability of {masked} with the investigation first",
                f"请先在入户调查中评估 {masked} 的生活自理能力（全自理/半失能/全失能）",
                field="self_care",
            )
        self.record(
            ev.ProposalSubmitted(
                **self._key(),
                proposed_monthly_amount_fen=amount_fen,
                rural_class=rural_class,
                review_opinion=opinion,
                submitted_on=today,
            )
        )

    def assign_batch(self, batch_id: str, township_code: str) -> None:
        """The county takes the proposal into a batch of one township's proposals (VER-5)."""
        if not self._require(*Stage).division_code.startswith(township_code):
            raise InvalidBatch(
                f"case {self.id} is not of township {township_code}",
                f"案件 {self.id} 不属于乡镇 {township_code}",
                field="cases",
            )
        self._require(Stage.PROPOSED)
        self.record(ev.BatchAssigned(**self._key(), batch_id=batch_id))

    def publish_notice(
        self, village_code: str, today: date, period_days: int, policy_version: int | None = None
    ) -> None:
        """Post the proposal at the place of residence for the notice period (VER-6), recording
        the period and the version of the policy setting it came from (0: the default)."""
        self._require(Stage.IN_BATCH)
        ends = date.fromordinal(today.toordinal() + period_days)
        self.record(
            ev.NoticePublished(
                **self._key(),
                village_code=village_code,
                published_on=today,
                period_ends_on=ends,
                period_days=period_days,
                policy_version=policy_version,
            )
        )

    def raise_objection(
        self, objection_id: str, anonymous: bool, content: str, today: date
    ) -> None:
        """An objection during the notice reopens the case for re-investigation (VER-6)."""
        self._require(Stage.NOTICE, Stage.IN_BATCH)
        self.record(
            ev.ObjectionRaised(
                **self._key(),
                objection_id=objection_id,
                anonymous=anonymous,
                content=content,
                raised_on=today,
            )
        )

    def _ready_for_decision(self, batch_complete: bool, today: date) -> CaseOpened:
        self._require_evidence()
        opened = self._require(Stage.IN_BATCH, Stage.NOTICE)
        if not batch_complete:
            raise SpotCheckIncomplete(
                f"batch {self.batch_id}: every sampled household needs a recorded county visit",
                f"批次 {self.batch_id} 的抽查样本尚未全部入户核查",
                batch_id=self.batch_id,
            )
        return opened

    def approve(
        self,
        batch_complete: bool,
        today: date,
        override: AmountOverride | None,
        rural_class: int | None,
        effective_from: date,
        override_deceased_reason: str | None = None,
        care_arrangement: CareArrangement | None = None,
    ) -> None:
        """The county approves with programme and class (VER-7): the amount by the programme's
        rule, computed by payments, unless the county overrides it with a reason. Without a
        `rural_class` of its own, the county approves the class the township proposed."""
        opened = self._ready_for_decision(batch_complete, today)
        rural_class = rural_class or (self.proposal.rural_class if self.proposal else None)
        if self.notice is None or today < self.notice.period_ends_on:
            ends = self.notice.period_ends_on if self.notice else None
            raise NoticePeriodRunning(
                f"the notice must be published and its period over (ends {ends})",
                f"须先公示且公示期届满（截止 {ends}）",
                period_ends_on=str(ends) if ends else None,
            )
        self.ensure_nobody_deceased(override_deceased_reason)
        care = opened.programme == "extreme_poverty"
        members = tuple(
            ApprovedMember(
                m.resident_id,
                m.name,
                m.relation,
                self_care=self.self_care.get(m.resident_id) if care else None,
                disability_grade=m.disability_grade,
            )
            for m in opened.members
        )
        assessed = self.verified.assessed_monthly_income_fen if self.verified else 0
        self.record(
            decisions.CaseApproved(
                **self._key(),
                division_code=opened.division_code,
                county_code=opened.division_code[:6],
                registration=opened.registration,
                household_size=opened.household_size,
                members=members,
                assessed_monthly_income_fen=assessed,
                approved_monthly_amount_fen=override.amount_fen if override else 0,
                rural_class=rural_class,
                effective_from=effective_from,
                next_review_due=next_review_due(opened.registration, rural_class, effective_from),
                bank_account=opened.bank_account,
                bank_account_holder_resident_id=opened.bank_account_holder_resident_id,
                amount_basis="override" if override else "rule",
                care_arrangement=care_arrangement if care else None,
                override_reason=override.reason if override else None,
                overridden_by=override.by if override else None,
                declared_relative=self.declared_relative,
                migrated=None,
            )
        )

    def reject(self, batch_complete: bool, today: date, reason: str, appeal_rights: str) -> None:
        """The county refuses, with the reason and the right to appeal (VER-7)."""
        opened = self._ready_for_decision(batch_complete, today)
        self.record(
            decisions.CaseRejected(
                **self._key(),
                division_code=opened.division_code,
                reason=reason,
                appeal_rights=appeal_rights,
                declared_relative=self.declared_relative,
            )
        )

    def _ensure_within_benefit(self, effective_from: date, change_zh: str) -> None:
        """A change takes effect on or after the date the approval took effect (VER-7); a
        termination back-dated within the benefit's life is lawful (ADR 0064)."""
        started = self.approved.effective_from if self.approved else None
        if started is not None and effective_from < started:
            raise ChangeBeforeBenefit(
                f"effective_from {effective_from} is before the benefit began on {started}",
                f"{change_zh}生效日期{effective_from}早于保障开始日期{started}",
                field="effective_from",
                benefit_from=started.isoformat(),
            )

    def adjust(self, amount_fen: int, effective_from: date) -> None:
        """Change the monthly amount of an approved benefit, from a date within its life."""
        self._require(Stage.APPROVED, Stage.SUSPENDED)
        self._ensure_within_benefit(effective_from, "调整")
        self.record(
            decisions.BenefitAdjusted(
                **self._key(), approved_monthly_amount_fen=amount_fen, effective_from=effective_from
            )
        )

    def suspend(self, effective_from: date, reason: str) -> None:
        """Stop paying pending clarification, from a date within the benefit's life."""
        self._require(Stage.APPROVED)
        self._ensure_within_benefit(effective_from, "暂停")
        self.record(
            decisions.BenefitSuspended(**self._key(), effective_from=effective_from, reason=reason)
        )

    def suspend_as_ordered(
        self, ordered_on: date, reason: str, action_id: str, complaint_id: str | None
    ) -> bool:
        """Carry out supervision's order to stop a running benefit (SUP-2, ADR 0023 amended):
        from the first day of the month it was ordered in (not before the benefit began),
        also during a re-check. False when nothing runs to stop (already stopped, ended, or
        not approved): the stop in force stands."""
        if self.approved is None or self.stage not in (Stage.APPROVED, Stage.RECHECK):
            return False
        effective_from = max(ordered_on.replace(day=1), self.approved.effective_from)
        self.record(
            decisions.BenefitSuspended(
                **self._key(),
                effective_from=effective_from,
                reason=reason,
                corrective_action_id=action_id,
                ordered_on_complaint_id=complaint_id,
            )
        )
        return True

    def terminate(self, effective_from: date, reason: str) -> None:
        """End the benefit (e.g. a death reported by public security), from a date within its
        life."""
        self._require(Stage.APPROVED, Stage.SUSPENDED, Stage.RECHECK, Stage.TERMINATION_REVIEW)
        self._ensure_within_benefit(effective_from, "终止")
        self.record(
            decisions.BenefitTerminated(**self._key(), effective_from=effective_from, reason=reason)
        )

    def resume(self, amount_fen: int | None, effective_from: date, reason: str) -> None:
        """Pay again from a date (VER-7, ADR 0066): a suspension cleared up, or, after a
        member's death, the survivors at the amount the county sets (None keeps the amount in
        force). Refused when the applicant or the account's holder is reported dead, or nobody
        is left: then the benefit ends and survivors apply anew."""
        opened = self._require(Stage.SUSPENDED, Stage.TERMINATION_REVIEW)
        dead = set(self.deceased_residents())
        alive = [m for m in opened.members if m.resident_id not in dead]
        applicant = next((m.resident_id for m in opened.members if m.relation == "self"), None)
        holder = opened.bank_account_holder_resident_id
        if self.stopped_from is not None and effective_from < self.stopped_from:
            raise ResumptionBeforeStop(
                f"effective_from {effective_from} is before the stop of {self.stopped_from}:"
                " change months paid before it by an adjustment",
                f"恢复发放日期{effective_from}早于停发日期{self.stopped_from}；"
                "停发前月份的金额请通过调整办理",
                field="effective_from",
                stopped_from=self.stopped_from.isoformat(),
            )
        if (opened.members and not alive) or applicant in dead or holder in dead:
            raise NobodyToResumeFor(
                "the applicant, the account's holder or every member is reported deceased:"
                " terminate the benefit; survivors apply anew",
                "申请人、收款账户持有人或全部家庭成员已被报告死亡：请终止保障，由在世成员重新申请",
            )
        self.record(
            decisions.BenefitResumed(
                **self._key(),
                approved_monthly_amount_fen=amount_fen,
                effective_from=effective_from,
                reason=reason,
                household_size=len(alive) if opened.members else opened.household_size,
            )
        )

    def open_recheck(self, reason: str, complaint_id: str | None) -> None:
        """Reopen investigation of an approved or suspended benefit."""
        self._require(Stage.APPROVED, Stage.SUSPENDED)
        recheck = decisions.RecheckOpened(
            **self._key(), reason=reason, requested_by_complaint_id=complaint_id
        )
        self.record(recheck)
