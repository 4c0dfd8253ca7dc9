"""The year's practical tasks on standards (为民办实事, PAY-4): each entered once a year."""

from __future__ import annotations

from datetime import date

import pytest

from payments.domain.events import register_events
from payments.domain.tasks import PracticalTaskEntered, PracticalTasks, TaskExists
from tests.in_memory import PINNED, in_memory, staff

pytestmark = pytest.mark.req("PAY-4")

YEAR = PINNED.year


def task(
    task_id: str, programme: str = "urban_dibao", rural_class: int | None = None
) -> PracticalTaskEntered:
    title = "提高城市低保指导标准"
    return PracticalTaskEntered(
        YEAR, task_id, title, programme, 60_000, rural_class, date(YEAR, 6, 30)
    )


def test_a_task_is_entered_once_a_year() -> None:
    tasks = PracticalTasks(str(YEAR))
    tasks.enter(task("urban-standard"))
    tasks.enter(task("rural-class-1", "rural_dibao", rural_class=1))
    with pytest.raises(TaskExists) as refused:
        tasks.enter(task("urban-standard", "rural_dibao"))
    assert (refused.value.status, refused.value.extensions) == (409, {"field": "task_id"})
    assert tasks.tasks["urban-standard"].programme == "urban_dibao" and len(tasks.pending) == 2


async def test_the_years_tasks_read_back_with_their_targets_and_due_dates() -> None:
    repository = in_memory(PracticalTasks, register_events)
    tasks = PracticalTasks(str(YEAR))
    tasks.enter(task("urban-standard"))
    tasks.enter(task("rural-class-1", "rural_dibao", rural_class=1))
    await repository.save(tasks, staff("录入实事", division="62", role="province_officer"), None)
    loaded = await repository.get(str(YEAR))
    assert loaded.tasks == tasks.tasks
    assert loaded.tasks["rural-class-1"].due == date(YEAR, 6, 30)
    with pytest.raises(TaskExists):
        loaded.enter(task("rural-class-1"))
