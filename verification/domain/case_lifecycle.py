"""Case commands outside the decision path: priorities, deadlines, withdrawal (VER-8, VER-9)."""

from __future__ import annotations

from datetime import date

from verification.domain import events as ev
from verification.domain.case_state import CaseState, Stage
from verification.domain.errors import DeadlineAlreadyExtended
from verification.domain.policy import priority_flags

OPEN_STAGES = (
    Stage.ECONOMIC_VERIFICATION,
    Stage.INVESTIGATION,
    Stage.TOWNSHIP_REVIEW,
    Stage.PROPOSED,
    Stage.IN_BATCH,
    Stage.NOTICE,
)


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

    def flag_overdue(self, clock: str, due_on: date) -> None:
        """Raise a missed deadline once per clock (VER-9)."""
        if clock not in self.overdue:
            self.record(ev.CaseOverdue(**self._key(), clock=clock, due_on=due_on))
