"""The year's three practical tasks as dated targets, met by guidance raises (PAY-4)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shared.clock import ManualClock, today
from tests.payments.support import Payments


def task(
    year: int, task_id: str, programme: str, target: int, cls: int | None = None
) -> dict[str, object]:
    return {"year": year, "task_id": task_id, "title": f"提高{programme}", "programme": programme,
            "target_fen": target, "rural_class": cls, "due": f"{year}-12-31",
            "reason": "省政府为民办实事"}  # fmt: skip


@pytest.mark.req("PAY-4")
async def test_practical_tasks_are_tracked_against_their_due_date(payments: Payments) -> None:
    year = today(payments.clock).year  # this year's tasks, looked at after their due date
    payments.runtime.app.state.clock = ManualClock(datetime(year + 1, 1, 2, tzinfo=UTC))
    province = "620000"
    async with payments.client() as client:
        # given the three tasks of the year with their due date
        etag = None
        for body in (task(year, "urban", "urban_dibao", 68_000),
                     task(year, "rural-class-1", "rural_dibao", 45_000, cls=1),
                     task(year, "extreme", "extreme_poverty", 90_000)):  # fmt: skip
            headers = payments.headers("province_officer", province)
            entered = await client.post(
                "/v1/practical-tasks",
                json=body,
                headers={**headers, **({"If-Match": etag} if etag else {})},
            )
            assert entered.status_code == 201, entered.text
            etag = entered.headers["ETag"]
        # when the province raises the urban guidance and the class 1 amount, not extreme poverty
        for programme, fen, classes in (("urban_dibao", 68_000, {}),
                                        ("rural_dibao", 40_000, {"1": 45_000})):  # fmt: skip
            raised = await client.post(
                "/v1/standards",
                json={"division_code": "62", "programme": programme,
                      "effective_from": f"{year}-01-01", "monthly_per_person_fen": fen,
                      "class_amounts_fen": classes, "reason": "三件实事"},
                headers=payments.headers("province_officer", province),
            )  # fmt: skip
            assert raised.status_code == 201, raised.text
        # then after the due date two tasks are met and the third is overdue
        tasks = (await client.get(f"/v1/practical-tasks/{year}", headers=payments.headers())).json()
    status = {t["task_id"]: t["status"] for t in tasks["tasks"]}
    assert status == {"urban": "met", "rural-class-1": "met", "extreme": "overdue"}
    assert all(t["due"] == f"{year}-12-31" for t in tasks["tasks"])
