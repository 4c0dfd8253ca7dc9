"""The state of a verification case, changed only by its events (the `when_` appliers)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from shared.domain.aggregate import Aggregate
from verification.domain import decision_events as decisions
from verification.domain import events as ev
from verification.domain.decision_events import SelfCare
from verification.domain.errors import StageOutOfOrder
from verification.domain.events import CaseOpened


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


class CaseState(Aggregate):
    """What the events of one case say; VerificationCase adds the commands and guards."""

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

    def when_BenefitSuspended(self, event: decisions.BenefitSuspended) -> None:
        self.stage = Stage.SUSPENDED

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

    def when_VerificationDueSet(self, event: ev.VerificationDueSet) -> None:
        self.decide_by = event.due_on

    def when_DeclaredRelativeNoted(self, event: ev.DeclaredRelativeNoted) -> None:
        self.declared_relatives.add((event.member_masked, event.official_role))

    @property
    def declared_relative(self) -> bool:
        """A member is a declared relative of an official (INT-10): extra scrutiny."""
        return bool(self.declared_relatives)
