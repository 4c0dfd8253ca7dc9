"""Coordination mechanisms, policy deadlines (SUP-6, SUP-9) and grassroots capacity (SUP-7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry, event_type

# 民政部门牵头，发展改革、教育、财政、人社、建设、卫生计生、扶贫、残联等部门和单位参加
LEAD_DEPARTMENT = "civil_affairs"
REQUIRED_MEMBERS = frozenset(
    {
        "development_reform",
        "education",
        "finance",
        "human_resources",
        "construction",
        "health_family_planning",
        "poverty_alleviation",
        "disabled_persons_federation",
    }
)


def filing_deadline(year: int) -> date:
    """2月底前: the last day of February of the year."""
    return date(year, 3, 1) - timedelta(days=1)


# task id → (title, deadline of the year); coordination filing is derived from MechanismFiled
POLICY_TASKS: dict[str, tuple[str, str]] = {
    "coordination_filing": ("县级协调机制报省民政厅备案", "02-end"),
    "three_practical_tasks": ("提标等3件为民实事办实办好", "06-30"),
    "disaster_housing": ("2016年受灾仍临时安置群众住房问题全部解决", "12-31"),
}


def task_deadline(task_id: str, year: int) -> date:
    """The dated deadline of a policy task in a year."""
    when = POLICY_TASKS[task_id][1]
    if when == "02-end":
        return filing_deadline(year)
    return date.fromisoformat(f"{year}-{when}")


@event_type("supervision.MechanismFiled", version=1)
@dataclass(frozen=True)
class MechanismFiled:
    """A county filed its coordination mechanism with the provincial department."""

    county_code: str
    year: int
    filed_on: date
    head: str  # the government leader in overall charge (政府负责人负总责)
    lead_department: str
    member_departments: tuple[str, ...]


@event_type("supervision.JointMeetingHeld", version=1)
@dataclass(frozen=True)
class JointMeetingHeld:
    """A city's joint meeting on social assistance and left-behind children (联席会议)."""

    city_code: str
    year: int
    held_on: date
    topics: tuple[str, ...]
    departments: tuple[str, ...]


@event_type("supervision.PolicyTaskReported", version=1)
@dataclass(frozen=True)
class PolicyTaskReported:
    """A county reported its progress on a dated policy task."""

    county_code: str
    year: int
    task_id: str
    status: str  # in_progress | done
    reported_on: date
    note: str


class IncompleteMechanism(DomainError):
    """The mechanism lacks the lead or member departments the notice requires."""

    code = "incomplete-mechanism"
    title_en = "The coordination mechanism is incomplete"
    title_zh = "协调机制成员单位不全"


class DivisionFile(Aggregate):
    """One division's coordination file for one year: mechanism, meetings, policy tasks."""

    stream_prefix = "division-file"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.mechanism: MechanismFiled | None = None
        self.meetings: list[JointMeetingHeld] = []
        self.tasks: dict[str, PolicyTaskReported] = {}

    def file_mechanism(self, event: MechanismFiled) -> None:
        """File (or re-file) the mechanism, led by civil affairs with every member listed."""
        missing = sorted(REQUIRED_MEMBERS - set(event.member_departments))
        if event.lead_department != LEAD_DEPARTMENT or missing:
            raise IncompleteMechanism(
                f"civil affairs must lead; missing member departments: {missing}",
                f"须由民政部门牵头；缺少成员单位：{'、'.join(missing) or '无'}",
                field="member_departments",
                missing=missing,
            )
        self.record(event)

    def hold_meeting(self, event: JointMeetingHeld) -> None:
        """Record a city joint meeting."""
        self.record(event)

    def report_task(self, event: PolicyTaskReported) -> None:
        """Report progress on a task (the filing task is reported by filing the mechanism)."""
        if event.task_id not in POLICY_TASKS or event.task_id == "coordination_filing":
            raise DomainError(
                f"unknown or derived task {event.task_id}",
                f"任务 {event.task_id} 不存在或由备案自动产生",
                field="task_id",
            )
        self.record(event)

    def when_MechanismFiled(self, event: MechanismFiled) -> None:
        self.mechanism = event

    def when_JointMeetingHeld(self, event: JointMeetingHeld) -> None:
        self.meetings.append(event)

    def when_PolicyTaskReported(self, event: PolicyTaskReported) -> None:
        self.tasks[event.task_id] = event


def task_status(done_on: date | None, in_progress: bool, deadline: date, today: date) -> str:
    """done | done_late | in_progress | not_started | overdue."""
    if done_on is not None:
        return "done" if done_on <= deadline else "done_late"
    if today > deadline:
        return "overdue"
    return "in_progress" if in_progress else "not_started"


def register_events(registry: EventRegistry) -> None:
    """Register the coordination events."""
    registry.register_all(MechanismFiled, JointMeetingHeld, PolicyTaskReported)
