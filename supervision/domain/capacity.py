"""Grassroots capacity (加强基层力量, SUP-7): desk staff, purchased services, staff training."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shared.domain.aggregate import Aggregate
from shared.eventstore.registry import EventRegistry, event_type


@event_type("supervision.DeskStaffNamed", version=1)
@dataclass(frozen=True)
class DeskStaffNamed:
    """The person at the township's one-door desk for acceptance and referral (配备专人)."""

    division_code: str
    name: str
    phone: str | None
    since: date


@event_type("supervision.ServicePurchased", version=1)
@dataclass(frozen=True)
class ServicePurchased:
    """Social-assistance services bought from a provider (政府购买社会救助服务)."""

    division_code: str
    provider: str
    service: str
    amount_fen: int
    period_from: date
    period_to: date


@event_type("supervision.StaffTrainingRecorded", version=1)
@dataclass(frozen=True)
class StaffTrainingRecorded:
    """Training of social-assistance staff (业务培训)."""

    division_code: str
    held_on: date
    topic: str
    attendees: int


class CapacityFile(Aggregate):
    """One township's (or county's) capacity file."""

    stream_prefix = "capacity"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.desk: DeskStaffNamed | None = None
        self.services: list[ServicePurchased] = []
        self.trainings: list[StaffTrainingRecorded] = []

    def name_desk_staff(self, event: DeskStaffNamed) -> None:
        """Name (or replace) the desk person."""
        self.record(event)

    def purchase(self, event: ServicePurchased) -> None:
        """Record a purchased service."""
        self.record(event)

    def train(self, event: StaffTrainingRecorded) -> None:
        """Record a training."""
        self.record(event)

    def when_DeskStaffNamed(self, event: DeskStaffNamed) -> None:
        self.desk = event

    def when_ServicePurchased(self, event: ServicePurchased) -> None:
        self.services.append(event)

    def when_StaffTrainingRecorded(self, event: StaffTrainingRecorded) -> None:
        self.trainings.append(event)


def register_events(registry: EventRegistry) -> None:
    """Register the capacity events."""
    registry.register_all(DeskStaffNamed, ServicePurchased, StaffTrainingRecorded)
