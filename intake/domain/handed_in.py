"""INT-3: a village committee may help a household hand its application in; the township accepts."""

from __future__ import annotations

from dataclasses import dataclass

from intake.domain.programmes import Programme
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry, event_type


@event_type("intake.ApplicationHandedIn", version=1)
@dataclass(frozen=True)
class ApplicationHandedIn:
    """A village/residents' committee helped a household hand its application in (代为提交)."""

    handed_in_id: str
    division_code: str  # the village (12 digits) or township
    township_code: str  # the township office that must accept it
    applicant_resident_id: str
    programmes: tuple[Programme, ...]
    committee: str
    note: str


@event_type("intake.HandInAccepted", version=1)
@dataclass(frozen=True)
class HandInAccepted:
    """The township office accepted the handed-in application and registered it."""

    handed_in_id: str
    application_id: str


class HandInNotAcceptable(DomainError):
    """The referenced hand-in is unknown, accepted already, or for another applicant."""

    code = "hand-in-not-acceptable"
    status = 409
    title_en = "The handed-in application cannot be accepted"
    title_zh = "该代为提交的申请无法受理"


class HandedIn(Aggregate):
    """An application handed in by a committee, waiting for the township to accept it."""

    stream_prefix = "handed-in"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.handed_in: ApplicationHandedIn | None = None
        self.accepted_as: str | None = None

    def hand_in(self, event: ApplicationHandedIn) -> None:
        """Record the hand-in once."""
        self.record(event)

    def accept(self, application_id: str, applicant_resident_id: str) -> None:
        """The township registers it as an application of the same applicant, once."""
        if self.handed_in is None or self.accepted_as is not None:
            raise HandInNotAcceptable(
                f"hand-in {self.id} is unknown or already accepted",
                f"代为提交记录 {self.id} 不存在或已受理",
                field="handed_in_id",
            )
        if self.handed_in.applicant_resident_id != applicant_resident_id:
            raise HandInNotAcceptable(
                f"hand-in {self.id} is for another applicant",
                f"代为提交记录 {self.id} 的申请人与本申请不符",
                field="handed_in_id",
            )
        self.record(HandInAccepted(self.id, application_id))

    def when_ApplicationHandedIn(self, event: ApplicationHandedIn) -> None:
        self.handed_in = event

    def when_HandInAccepted(self, event: HandInAccepted) -> None:
        self.accepted_as = event.application_id


def register_events(registry: EventRegistry) -> None:
    """Register the hand-in events."""
    registry.register_all(ApplicationHandedIn, HandInAccepted)
