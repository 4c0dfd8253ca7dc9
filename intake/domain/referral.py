"""First-inquiry responsibility and referral (首问负责制、转介, INT-5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from intake.domain.programmes import Agency
from shared.clock import CHINA
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry, event_type


@event_type("intake.ReferralOpened", version=1)
@dataclass(frozen=True)
class ReferralOpened:
    """The first office recorded a request and referred it to the competent department."""

    referral_id: str
    case_id: str | None
    first_office_division: str
    first_office_org: str
    to_agency: Agency
    to_division: str
    division_code: str  # the division answerable for the request: the receiver's
    need: str
    subject_resident_id: str | None
    received_on: date
    acknowledge_by: date  # the last working day on which the receiver may acknowledge
    calendar_version: str | None = None  # the calendar it was computed on: 2027:v1,…


@event_type("intake.ReferralAcknowledged", version=1)
@dataclass(frozen=True)
class ReferralAcknowledged:
    """The receiving department acknowledged the referral and took over the request."""

    referral_id: str
    acknowledged_at: datetime
    late: bool
    note: str


@event_type("intake.ReferralOverdue", version=1)
@dataclass(frozen=True)
class ReferralOverdue:
    """The receiver did not acknowledge in time: escalated to the county and to supervision."""

    referral_id: str
    acknowledge_by: date
    escalated_to: str  # the county division above the receiver


class ReferralAlreadyAcknowledged(DomainError):
    """The referral was acknowledged already."""

    code = "referral-already-acknowledged"
    status = 409
    title_en = "The referral is already acknowledged"
    title_zh = "该转介已签收"


class Referral(Aggregate):
    """A referred request, from the first office to the receiver's acknowledgement."""

    stream_prefix = "referral"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.opened: ReferralOpened | None = None
        self.acknowledged = False
        self.overdue = False

    def open(self, opened: ReferralOpened) -> None:
        """Record the request and its referral once."""
        self.record(opened)

    def acknowledge(self, at: datetime, note: str) -> None:
        """The receiver takes the request over; late when the civil date in China of `at` is
        after the last day it may acknowledge (the deadline is a working day, not an instant)."""
        if self.acknowledged:
            raise ReferralAlreadyAcknowledged(
                f"referral {self.id} is already acknowledged", f"转介 {self.id} 已签收"
            )
        late = at.astimezone(CHINA).date() > self._opened().acknowledge_by
        self.record(ReferralAcknowledged(self.id, at, late, note))

    def escalate_if_overdue(self, today: date) -> bool:
        """Raise ReferralOverdue once when the deadline passed unacknowledged."""
        opened = self._opened()
        if self.acknowledged or self.overdue or today <= opened.acknowledge_by:
            return False
        self.record(ReferralOverdue(self.id, opened.acknowledge_by, opened.to_division[:6]))
        return True

    @property
    def division_code(self) -> str:
        """The receiver's division: the one answerable for the request."""
        return self._opened().division_code

    @property
    def case_id(self) -> str:
        """The case the referral belongs to: the one it names, else its own."""
        return self._opened().case_id or self.id

    def _opened(self) -> ReferralOpened:
        assert self.opened is not None, "the referral is not opened"
        return self.opened

    def when_ReferralOpened(self, event: ReferralOpened) -> None:
        self.opened = event

    def when_ReferralAcknowledged(self, event: ReferralAcknowledged) -> None:
        self.acknowledged = True

    def when_ReferralOverdue(self, event: ReferralOverdue) -> None:
        self.overdue = True


def register_events(registry: EventRegistry) -> None:
    """Register the referral events."""
    registry.register_all(ReferralOpened, ReferralAcknowledged, ReferralOverdue)
