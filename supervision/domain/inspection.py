"""Inspections (督查检查, SUP-4): plan → visit with findings → rectification → accountability."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry, event_type


class InspectionKind(StrEnum):
    """The five forms the notice names (日常、定期、专项、跟踪、暗访督查)."""

    ROUTINE = "routine"
    PERIODIC = "periodic"
    SPECIAL = "special"
    FOLLOW_UP = "follow_up"
    UNANNOUNCED = "unannounced"


@dataclass(frozen=True)
class Finding:
    """A problem found on the visit."""

    finding_id: str
    description: str
    severity: str  # minor | serious | grave


def numbered_findings(found: Iterable[tuple[str, str]]) -> tuple[Finding, ...]:
    """The problems a visit found (description, severity), numbered F1, F2, … as found."""
    return tuple(
        Finding(f"F{n}", description, severity)
        for n, (description, severity) in enumerate(found, start=1)
    )


@event_type("supervision.InspectionPlanned", version=1)
@dataclass(frozen=True)
class InspectionPlanned:
    """An inspection was planned (an unannounced one is hidden from the inspected division)."""

    inspection_id: str
    kind: InspectionKind
    division_code: str
    planned_on: date
    scope: str
    team: tuple[str, ...]


@event_type("supervision.InspectionRecorded", version=1)
@dataclass(frozen=True)
class InspectionRecorded:
    """The visit took place; what was found."""

    inspection_id: str
    division_code: str
    visited_on: date
    findings: tuple[Finding, ...]


@event_type("supervision.RectificationOrdered", version=1)
@dataclass(frozen=True)
class RectificationOrdered:
    """The inspected body must correct a finding by a date."""

    inspection_id: str
    finding_id: str
    requirement: str
    responsible_org: str
    due_on: date


@event_type("supervision.RectificationVerified", version=1)
@dataclass(frozen=True)
class RectificationVerified:
    """The inspectors checked whether the correction happened."""

    inspection_id: str
    finding_id: str
    rectified: bool
    note: str


@event_type("supervision.AccountabilityRecorded", version=1)
@dataclass(frozen=True)
class AccountabilityRecorded:
    """Someone was held accountable for a finding (追责问责)."""

    inspection_id: str
    finding_id: str
    person_role: str
    org: str
    measure: str
    decided_on: date


class InspectionRuleBroken(DomainError):
    """The inspection is not at a stage where this step is allowed."""

    code = "inspection-wrong-stage"
    status = 409
    title_en = "The inspection is not at this stage"
    title_zh = "督查检查当前环节不允许此操作"


class Inspection(Aggregate):
    """One inspection and the follow-up of its findings."""

    stream_prefix = "inspection"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.planned: InspectionPlanned | None = None
        self.recorded: InspectionRecorded | None = None
        self.orders: dict[str, RectificationOrdered] = {}
        self.verified: dict[str, RectificationVerified] = {}
        self.accountability: list[AccountabilityRecorded] = []

    def plan(self, event: InspectionPlanned) -> None:
        """Plan it (once)."""
        self._require(self.planned is None, "the inspection is already planned", "已立项")
        self.record(event)

    def visit(self, visited_on: date, findings: tuple[Finding, ...]) -> None:
        """Record the visit and its findings (once)."""
        assert self.planned is not None
        self._require(self.recorded is None, "the visit is already recorded", "已记录检查情况")
        self.record(InspectionRecorded(self.id, self.planned.division_code, visited_on, findings))

    def order(self, finding_id: str, requirement: str, org: str, due_on: date) -> None:
        """Order the rectification of a finding."""
        self._finding(finding_id)
        self.record(RectificationOrdered(self.id, finding_id, requirement, org, due_on))

    def check(self, finding_id: str, rectified: bool, note: str) -> None:
        """Verify a rectification that was ordered (again, if the last check failed)."""
        self._require(finding_id in self.orders, "no rectification was ordered", "未下达整改要求")
        done = self.verified.get(finding_id)
        self._require(not (done and done.rectified), "already verified as rectified", "已验收")
        self.record(RectificationVerified(self.id, finding_id, rectified, note))

    def hold_accountable(self, event: AccountabilityRecorded) -> None:
        """Record an accountability measure for a finding."""
        self._finding(event.finding_id)
        self.record(event)

    def _finding(self, finding_id: str) -> None:
        known = {f.finding_id for f in self.recorded.findings} if self.recorded else set()
        self._require(finding_id in known, f"no finding {finding_id}", f"无问题编号 {finding_id}")

    @staticmethod
    def _require(condition: bool, en: str, zh: str) -> None:
        if not condition:
            raise InspectionRuleBroken(en, zh)

    def when_InspectionPlanned(self, event: InspectionPlanned) -> None:
        self.planned = event

    def when_InspectionRecorded(self, event: InspectionRecorded) -> None:
        self.recorded = event

    def when_RectificationOrdered(self, event: RectificationOrdered) -> None:
        self.orders[event.finding_id] = event

    def when_RectificationVerified(self, event: RectificationVerified) -> None:
        self.verified[event.finding_id] = event

    def when_AccountabilityRecorded(self, event: AccountabilityRecorded) -> None:
        self.accountability.append(event)


def register_events(registry: EventRegistry) -> None:
    """Register the inspection events."""
    registry.register_all(
        InspectionPlanned,
        InspectionRecorded,
        RectificationOrdered,
        RectificationVerified,
        AccountabilityRecorded,
    )
