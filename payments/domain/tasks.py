"""The year's practical tasks (为民办实事) on standards, entered as dated targets (PAY-4).

E.g. 2017: raise the urban dibao guidance standard, the rural guidance standard and class 1–2
amounts, and the provincial extreme-poverty subsidy — each due by the end of June. A task is met
when a provincial guidance version reaching its target is recorded by its due date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type


@event_type("payments.PracticalTaskEntered", version=1)
@dataclass(frozen=True)
class PracticalTaskEntered:
    """A dated target: a guidance standard (or a class amount) to reach by a date."""

    year: int
    task_id: str
    title: str
    programme: str
    target_fen: int
    rural_class: int | None
    due: date


def due_date(year: int, due: date | None = None) -> date:
    """When a task falls due: as entered, else by the end of June of its year (the province's
    practical tasks on standards are due by mid-year)."""
    return due or date(year, 6, 30)


def task_status(met_on: date | None, due: date, today: date) -> str:
    """met by the due date, met late, overdue, or still open."""
    if met_on is not None:
        return "met" if met_on <= due else "met_late"
    return "overdue" if today > due else "open"


class TaskExists(DomainError):
    """A task id is entered once a year."""

    code = "practical-task-exists"
    status = 409
    title_en = "The task is already entered"
    title_zh = "该项实事已录入"


class PracticalTasks(Aggregate):
    """One year's practical tasks."""

    stream_prefix = "practical-tasks"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.tasks: dict[str, PracticalTaskEntered] = {}

    def enter(self, task: PracticalTaskEntered) -> None:
        """Enter a task once."""
        if task.task_id in self.tasks:
            raise TaskExists(
                f"task_id {task.task_id} is already entered for {task.year}",
                f"task_id（实事编号）{task.task_id}已录入",
                field="task_id",
            )
        self.record(task)

    def when_PracticalTaskEntered(self, event: PracticalTaskEntered) -> None:
        self.tasks[event.task_id] = event
