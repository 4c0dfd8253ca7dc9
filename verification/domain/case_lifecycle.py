"""Case commands outside the decision path: priorities, deadlines, withdrawal (VER-8, VER-9)."""

from __future__ import annotations

from datetime import date

from shared.privacy import mask_resident_id
from verification.domain import decision_events as decisions
from verification.domain import events as ev
from verification.domain.case_state import CaseState, Stage
from verification.domain.errors import DeadlineAlreadyExtended, MemberReportedDeceased
from verification.domain.policy import priority_flags

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


class CaseLifecycle(CaseState):
    """Commands that any open case takes, whatever its stage in the decision path."""

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
            self.record(decisions.BenefitSuspended(
                **self._key(), effective_from=month_after(died_on), reason=reason))  # fmt: skip
        self.record(
            ev.DeathReported(
                **self._key(), division_code=opened.division_code, resident_id=resident_id,
                relation=member.relation, died_on=died_on, reported_by_department=department,
                source_ref=source_ref, stage_when_reported=str(stage),
                opens_termination_review=running,
            )
        )  # fmt: skip
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
