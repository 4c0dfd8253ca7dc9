"""An alert's life after a detector raised it: acknowledged, dismissed or escalated (SUP-3)."""

from __future__ import annotations

from dataclasses import replace

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from supervision.domain.alerts import (
    AlertAcknowledged,
    AlertDismissed,
    AlertEscalated,
    AlertEvidenceUpdated,
    AlertRaised,
    AlertStatus,
    Detector,
    EscalationLevel,
)

_RANK = {None: 0, EscalationLevel.CITY: 1, EscalationLevel.PROVINCE: 2}


class AlertStateError(DomainError):
    """The alert is not at a stage where this step is allowed."""

    code = "alert-wrong-stage"
    status = 409
    title_en = "The alert is not at this stage"
    title_zh = "违规线索当前状态不允许此操作"


class DismissalNeedsSupervision(DomainError):
    """An irregularity the notice orders investigated is not the county's own to set aside."""

    code = "dismissal-needs-supervision"
    status = 403
    title_en = "An irregularity is dismissed by an inspector or a level above the county"
    title_zh = "违规线索须由督查人员或上级排除，县级不得自行排除"


# what the notice orders investigated (坚决查处): the county they are found in may acknowledge
# and escalate them, never set them aside itself (found by probing: a county dismissed, for
# good, a favouritism alert about its own section chief's spouse)
IRREGULARITIES = frozenset(
    {
        Detector.FAVOURITISM,
        Detector.AVERAGING,
        Detector.REDISTRIBUTION,
        Detector.DUPLICATE_ID,
        Detector.PAID_AFTER_DEATH,
        Detector.PAID_AFTER_TERMINATION,
        Detector.UNDECLARED_ASSETS,
    }
)
COUNTY_ROLE = "county_officer"


class Alert(Aggregate):
    """One alert: its stream `alert-<id>` opens with AlertRaised."""

    stream_prefix = "alert"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.raised: AlertRaised | None = None
        self.status = AlertStatus.OPEN
        self.escalated_to: EscalationLevel | None = None
        self.escalated_division: str | None = None

    @property
    def alert(self) -> AlertRaised:
        """The raising event (every alert stream opens with it)."""
        assert self.raised is not None, "an alert stream opens with AlertRaised"
        return self.raised

    @property
    def division_code(self) -> str:
        """The division the alert is about: whoever covers it may act on it."""
        return self.alert.division_code

    def acknowledge(self, note: str) -> None:
        """Take the alert in hand: an open one, or one escalated to the acknowledging level."""
        if self.status not in (AlertStatus.OPEN, AlertStatus.ESCALATED):
            raise AlertStateError(
                f"the alert is {self.status.value}: only an open or escalated one is acknowledged",
                f"该违规线索状态为{self.status.value}，只有未处理或已上报的线索可以确认",
            )
        self.record(AlertAcknowledged(self.id, note))

    def dismiss(self, reason: str, by_role: str) -> None:
        """Set the alert aside with a reason; a dismissed alert stays dismissed. An irregularity
        is set aside by an inspector or a level above the county, never by the county."""
        self._not_dismissed()
        if self.alert.detector in IRREGULARITIES and by_role == COUNTY_ROLE:
            raise DismissalNeedsSupervision(
                f"a {self.alert.detector} alert is dismissed by an inspector or a level above"
                " the county; acknowledge or escalate it",
                "该类违规线索须由督查人员或上级排除，县级可确认或上报",
            )
        self.record(AlertDismissed(self.id, self.alert.detector, self.alert.key, reason))

    def escalate(self, level: EscalationLevel, officer_division: str, reason: str) -> None:
        """Send the alert up to a level above the officer's own and above any earlier escalation."""
        self._not_dismissed()
        if _RANK[level] <= _RANK[self.escalated_to]:
            raise AlertStateError(
                f"the alert is already escalated to the {self.escalated_to}",
                "该违规线索已上报至同级或更高层级",
            )
        target = self.division_code[: level.code_length]
        if len(officer_division) <= level.code_length or len(self.division_code) <= len(target):
            raise AlertStateError(
                f"an alert can only be escalated above the officer's level and its division:"
                f" not to the {level.value}",
                "只能上报至比本级和线索所属区划更高的层级",
            )
        self.record(AlertEscalated(self.id, level, target, reason))

    def _not_dismissed(self) -> None:
        if self.status is AlertStatus.DISMISSED:
            raise AlertStateError("the alert was dismissed", "该违规线索已排除")

    def when_AlertRaised(self, event: AlertRaised) -> None:
        self.raised = event

    def when_AlertEvidenceUpdated(self, event: AlertEvidenceUpdated) -> None:
        self.raised = replace(
            self.alert,
            case_ids=event.case_ids,
            summary_zh=event.summary_zh,
            evidence=event.evidence,
        )

    def when_AlertAcknowledged(self, event: AlertAcknowledged) -> None:
        self.status = AlertStatus.ACKNOWLEDGED

    def when_AlertDismissed(self, event: AlertDismissed) -> None:
        self.status = AlertStatus.DISMISSED

    def when_AlertEscalated(self, event: AlertEscalated) -> None:
        self.status = AlertStatus.ESCALATED
        self.escalated_to = EscalationLevel(event.to_level)
        self.escalated_division = event.to_division
