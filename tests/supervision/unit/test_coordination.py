"""The coordination file's rules: the mechanism (SUP-6), policy tasks and their deadlines (SUP-9).

Pure rules on the aggregate and the deadline functions; the round trip and the concurrency
through a Repository over the in-memory event store.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from shared.domain.errors import ConcurrencyConflict, DomainError
from supervision.domain.coordination import (
    LEAD_DEPARTMENT,
    REQUIRED_MEMBERS,
    DivisionFile,
    IncompleteMechanism,
    JointMeetingHeld,
    MechanismFiled,
    PolicyTaskReported,
    filing_deadline,
    register_events,
    task_deadline,
    task_status,
)
from tests.in_memory import PINNED, in_memory, staff

YEAR = PINNED.year
COUNTY = "620105"
DAY = timedelta(days=1)


def mechanism(
    lead: str = LEAD_DEPARTMENT,
    members: frozenset[str] = REQUIRED_MEMBERS,
    filed_on: date | None = None,
) -> MechanismFiled:
    """Anning district's coordination mechanism for the year."""
    filed = filed_on or filing_deadline(YEAR) - 10 * DAY
    return MechanismFiled(COUNTY, YEAR, filed, "副区长 李明", lead, tuple(sorted(members)))


def task(task_id: str, status: str = "in_progress") -> PolicyTaskReported:
    return PolicyTaskReported(COUNTY, YEAR, task_id, status, date(YEAR, 5, 20), "提标已完成测算")


@pytest.mark.req("SUP-6")
def test_a_mechanism_led_by_civil_affairs_with_every_member_is_filed() -> None:
    file = DivisionFile(f"{COUNTY}-{YEAR}")
    file.file_mechanism(mechanism(members=REQUIRED_MEMBERS | {"public_security"}))
    assert file.mechanism is not None and file.pending == [file.mechanism]


@pytest.mark.req("SUP-6")
def test_a_mechanism_missing_members_is_refused_naming_them_in_order() -> None:
    # given a mechanism without finance and education
    incomplete = mechanism(members=REQUIRED_MEMBERS - {"finance", "education"})
    # when it is filed
    file = DivisionFile(f"{COUNTY}-{YEAR}")
    with pytest.raises(IncompleteMechanism) as refused:
        file.file_mechanism(incomplete)
    # then it is refused, naming the field and the missing departments, and nothing is recorded
    assert refused.value.extensions == {
        "field": "member_departments", "missing": ["education", "finance"]
    }  # fmt: skip
    assert refused.value.status == 422 and file.pending == [] and file.mechanism is None


@pytest.mark.req("SUP-6")
def test_a_mechanism_not_led_by_civil_affairs_is_refused_even_when_complete() -> None:
    with pytest.raises(IncompleteMechanism) as refused:
        DivisionFile(f"{COUNTY}-{YEAR}").file_mechanism(mechanism(lead="finance"))
    assert refused.value.extensions["missing"] == []
    assert "须由民政部门牵头" in refused.value.detail_zh


@pytest.mark.req("SUP-6")
def test_a_mechanism_may_be_filed_again_and_the_latest_stands() -> None:
    file = DivisionFile(f"{COUNTY}-{YEAR}")
    file.file_mechanism(mechanism())
    later = mechanism(filed_on=filing_deadline(YEAR))
    file.file_mechanism(later)
    assert file.mechanism == later and len(file.pending) == 2


@pytest.mark.req("SUP-9")
@pytest.mark.parametrize("task_id", ["coordination_filing", "flood_control", ""])
def test_the_filing_task_and_unknown_tasks_cannot_be_reported(task_id: str) -> None:
    file = DivisionFile(f"{COUNTY}-{YEAR}")
    with pytest.raises(DomainError) as refused:
        file.report_task(task(task_id))
    assert refused.value.extensions == {"field": "task_id"} and file.pending == []


@pytest.mark.req("SUP-9")
def test_the_latest_report_of_a_task_stands() -> None:
    file = DivisionFile(f"{COUNTY}-{YEAR}")
    file.report_task(task("three_practical_tasks"))
    file.report_task(task("three_practical_tasks", "done"))
    file.report_task(task("disaster_housing"))
    assert {t: r.status for t, r in file.tasks.items()} == {
        "three_practical_tasks": "done", "disaster_housing": "in_progress"
    }  # fmt: skip


@pytest.mark.req("SUP-6", "SUP-9")
@pytest.mark.parametrize(("year", "last_day"), [(2027, 28), (2028, 29), (2100, 28)])
def test_the_filing_deadline_is_the_last_day_of_february(year: int, last_day: int) -> None:
    assert filing_deadline(year) == date(year, 2, last_day)
    assert task_deadline("coordination_filing", year) == filing_deadline(year)


@pytest.mark.req("SUP-9")
def test_the_other_tasks_fall_due_on_their_dates_of_the_year() -> None:
    assert task_deadline("three_practical_tasks", YEAR) == date(YEAR, 6, 30)
    assert task_deadline("disaster_housing", YEAR) == date(YEAR, 12, 31)


@pytest.mark.req("SUP-9")
@pytest.mark.parametrize(
    ("done_after", "in_progress", "today_after", "status"),
    [
        (0, False, 30, "done"),  # done on the deadline itself is in time
        (1, False, 30, "done_late"),
        (None, True, 0, "in_progress"),  # the deadline is still today
        (None, False, 0, "not_started"),
        (None, True, 1, "overdue"),  # after the deadline, progress does not help
        (None, False, 1, "overdue"),
    ],
)
def test_a_task_is_done_late_or_overdue_only_after_its_deadline(
    done_after: int | None, in_progress: bool, today_after: int, status: str
) -> None:
    deadline = task_deadline("three_practical_tasks", YEAR)
    done_on = None if done_after is None else deadline + done_after * DAY
    assert task_status(done_on, in_progress, deadline, deadline + today_after * DAY) == status


async def test_a_division_file_reads_back_with_its_mechanism_meetings_and_tasks() -> None:
    # given a county file with its mechanism, a joint meeting and a task report, saved
    repository = in_memory(DivisionFile, register_events)
    file = DivisionFile(f"{COUNTY}-{YEAR}")
    file.file_mechanism(mechanism())
    meeting = JointMeetingHeld("6201", YEAR, date(YEAR, 3, 2), ("留守儿童关爱",), ("education",))
    file.hold_meeting(meeting)
    file.report_task(task("three_practical_tasks"))
    await repository.save(file, staff("报送备案", role="county_officer"), None)

    # when it is loaded
    loaded = await repository.get(f"{COUNTY}-{YEAR}")

    # then it holds what was recorded, tuples and all
    assert (loaded.mechanism, loaded.meetings, loaded.tasks) == (
        file.mechanism, [meeting], file.tasks
    )  # fmt: skip
    assert loaded.version == 3


async def test_two_reports_on_the_same_version_one_conflicts() -> None:
    repository = in_memory(DivisionFile, register_events)
    file = DivisionFile(f"{COUNTY}-{YEAR}")
    file.file_mechanism(mechanism())
    await repository.save(file, staff("备案", role="county_officer"), None)
    first, second = (await repository.get(file.id), await repository.get(file.id))
    first.report_task(task("three_practical_tasks", "done"))
    second.report_task(task("three_practical_tasks"))
    await repository.save(first, staff("报送进度", role="county_officer"), None)
    with pytest.raises(ConcurrencyConflict):
        await repository.save(second, staff("报送进度", role="county_officer"), None)
    assert (await repository.get(file.id)).tasks["three_practical_tasks"].status == "done"
