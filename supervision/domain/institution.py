"""Institution safety (安全管理, SUP-5): registry, hazard checks, hazards to closure, drills."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry, event_type


class InstitutionKind(StrEnum):
    """The institutions the notice names."""

    WELFARE_HOME = "welfare_home"  # 福利院
    SUPPORT_INSTITUTION = "support_institution"  # 特困人员救助供养机构
    RESCUE_STATION = "rescue_station"  # 救助管理机构
    OPEN_RESCUE_POINT = "open_rescue_point"  # 开放式救助点
    TEMPORARY_SHELTER = "temporary_shelter"  # 临时庇护场所


class HazardCategory(StrEnum):
    """防火、防电、防冻、防食物中毒、防煤气中毒."""

    FIRE = "fire"
    ELECTRICITY = "electricity"
    FREEZING = "freezing"
    FOOD_POISONING = "food_poisoning"
    GAS_POISONING = "gas_poisoning"


@event_type("supervision.InstitutionRegistered", version=1)
@dataclass(frozen=True)
class InstitutionRegistered:
    """An institution entered the safety registry."""

    institution_id: str
    kind: InstitutionKind
    name: str
    division_code: str
    capacity: int


@event_type("supervision.HazardCheckRecorded", version=1)
@dataclass(frozen=True)
class HazardCheckRecorded:
    """A periodic or ad-hoc hazard check (排查) and the state of the fire equipment."""

    institution_id: str
    check_id: str
    checked_on: date
    categories: tuple[HazardCategory, ...]
    fire_equipment_complete: bool


@event_type("supervision.HazardRecorded", version=1)
@dataclass(frozen=True)
class HazardRecorded:
    """A hazard found, to be closed by a date."""

    institution_id: str
    hazard_id: str
    category: HazardCategory
    description: str
    due_on: date


def numbered_hazards(
    check: HazardCheckRecorded, found: Iterable[tuple[HazardCategory, str, date]]
) -> tuple[HazardRecorded, ...]:
    """The hazards a check found (category, description, due date), numbered `<check>-H1`, … ."""
    return tuple(
        HazardRecorded(check.institution_id, f"{check.check_id[:8]}-H{n}", *hazard)
        for n, hazard in enumerate(found, start=1)
    )


@event_type("supervision.HazardClosed", version=1)
@dataclass(frozen=True)
class HazardClosed:
    """The hazard was removed."""

    institution_id: str
    hazard_id: str
    closed_on: date
    note: str


@event_type("supervision.SafetyActivityRecorded", version=1)
@dataclass(frozen=True)
class SafetyActivityRecorded:
    """An emergency drill (应急预案演练) or a staff safety training."""

    institution_id: str
    activity: str  # drill | training
    held_on: date
    topic: str
    participants: int


class HazardRuleBroken(DomainError):
    """The hazard is unknown or already closed."""

    code = "hazard-rule-broken"
    status = 409
    title_en = "This hazard cannot be changed so"
    title_zh = "该安全隐患不能执行此操作"


class Institution(Aggregate):
    """One institution's safety file."""

    stream_prefix = "institution"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.registered: InstitutionRegistered | None = None
        self.checks: list[HazardCheckRecorded] = []
        self.hazards: dict[str, HazardRecorded] = {}
        self.closed: dict[str, HazardClosed] = {}
        self.activities: list[SafetyActivityRecorded] = []

    def register(self, event: InstitutionRegistered) -> None:
        """Enter the registry."""
        self.record(event)

    def check(self, check: HazardCheckRecorded, hazards: tuple[HazardRecorded, ...]) -> None:
        """Record a hazard check and every hazard it found."""
        self.record(check)
        for hazard in hazards:
            self.record(hazard)

    def close(self, hazard_id: str, closed_on: date, note: str) -> None:
        """Close an open hazard."""
        if hazard_id not in self.hazards or hazard_id in self.closed:
            raise HazardRuleBroken(
                f"hazard {hazard_id} is unknown or already closed",
                f"隐患 {hazard_id} 不存在或已整改销号",
                field="hazard_id",
            )
        self.record(HazardClosed(self.id, hazard_id, closed_on, note))

    def hold(self, event: SafetyActivityRecorded) -> None:
        """Record a drill or a training."""
        self.record(event)

    def when_InstitutionRegistered(self, event: InstitutionRegistered) -> None:
        self.registered = event

    def when_HazardCheckRecorded(self, event: HazardCheckRecorded) -> None:
        self.checks.append(event)

    def when_HazardRecorded(self, event: HazardRecorded) -> None:
        self.hazards[event.hazard_id] = event

    def when_HazardClosed(self, event: HazardClosed) -> None:
        self.closed[event.hazard_id] = event

    def when_SafetyActivityRecorded(self, event: SafetyActivityRecorded) -> None:
        self.activities.append(event)


def register_events(registry: EventRegistry) -> None:
    """Register the institution-safety events."""
    registry.register_all(
        InstitutionRegistered,
        HazardCheckRecorded,
        HazardRecorded,
        HazardClosed,
        SafetyActivityRecorded,
    )
