"""VER-6 notices and objections, VER-8 priority flags, VER-9 working-day deadlines."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from shared.clock import CHINA
from shared.workdays import library_calendar
from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import approved_case, proposed_batch
from tests.verification.support import INVESTIGATION, TODAY, VILLAGE, recorded, resident
from verification.application.service import Policy
from verification.reactions.deadlines import check_deadlines


def _working_days_after(day: date, n: int) -> date:
    """The n-th working day after `day` on the default calendar (no year loaded in these tests)."""
    return library_calendar().add_working_days(day, n)


def _morning(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), tzinfo=CHINA)


@pytest.mark.req("VER-6")
async def test_the_village_notice_shows_the_configured_fields_never_ids_or_health(
    verifying: Verifying,
) -> None:
    # given an approved household (members declared with health details)
    await approved_case(verifying)
    await verifying.runtime.projections.catch_up_all()
    # when the village notice is read as JSON and as the printable page
    village = verifying.as_("village_committee", VILLAGE)
    notice = await village.get(f"/v1/notices/{VILLAGE}")
    page = await village.get(f"/v1/notices/{VILLAGE}/print")
    # then it names members, income and amount (the source notice), and no ID or health detail
    entry = notice.json()["entries"][0]
    assert entry["status"] == "approved" and entry["amount_fen"] == 60_000
    assert entry["members"] == ["成员0"] and "income_fen" in entry
    for text in (notice.text, page.text):
        assert resident("100") not in text and resident("100")[6:14] not in text
        assert "高血压" not in text
    assert page.headers["content-type"].startswith("text/html")
    assert "公示" in page.text and "600.00" in page.text


@pytest.mark.req("VER-6")
@pytest.mark.parametrize("policy", [Policy(notice_fields=("name", "household_size", "amount"))])
async def test_the_field_set_can_be_narrowed_to_the_national_rule(verifying: Verifying) -> None:
    await approved_case(verifying)
    await verifying.runtime.projections.catch_up_all()
    notice = await verifying.township.get(f"/v1/notices/{VILLAGE}")
    entry = notice.json()["entries"][0]
    assert set(entry) == {"programme", "status", "name", "household_size", "amount_fen"}


@pytest.mark.req("VER-6")
async def test_an_objection_during_the_notice_reopens_the_case(verifying: Verifying) -> None:
    batch = await proposed_batch(verifying, n=1)
    case_id = batch["households"][0].split("/")[0]
    await verifying.township.step(case_id, "notice", {})
    # when a resident objects anonymously and the township officer records it (with If-Match)
    objection = await verifying.township.step(
        case_id, "objections", {"anonymous": True, "content": "该户有营运车辆"}
    )
    # then the case goes back to investigation, out of the batch
    assert objection.status_code == 200, objection.text
    assert objection.json()["stage"] == "investigation"
    assert objection.json()["batch_id"] is None
    raised = (await verifying.events("verification.ObjectionRaised"))[0]
    assert raised["anonymous"] is True


@pytest.mark.req("VER-8")
async def test_priority_flags_are_raised_for_children_elderly_and_severely_disabled(
    verifying: Verifying,
) -> None:
    child, elder = resident("201", birth="20180101"), resident("202", birth="19500101")
    members = [
        {"resident_id": elder, "name": "老人", "relation": "self", "disability_grade": 1},
        {"resident_id": child, "name": "孩子", "relation": "grandchild", "disability_grade": 2},
    ]
    await verifying.open_case("case-p", [elder, child], members=members)
    flags = {
        (f["flag"], f["resident_id"])
        for f in await verifying.events("verification.PriorityFlagged")
    }
    assert flags == {
        ("elderly_subsidy", elder),
        ("extreme_poverty_inclusion", elder),
        ("extreme_poverty_inclusion", child),
        ("child_subsidy", child),
    }


@pytest.mark.req("VER-8")
async def test_a_severely_disabled_extreme_poverty_person_is_flagged_for_centralised_care(
    verifying: Verifying,
) -> None:
    person = resident("203", birth="19800101")
    members = [{"resident_id": person, "name": "甲", "relation": "self", "disability_grade": 2}]
    await verifying.open_case("case-q", [person], members=members, programmes=["extreme_poverty"])
    flags = [f["flag"] for f in await verifying.events("verification.PriorityFlagged")]
    assert flags == ["centralised_care"]
    detail = await verifying.township.get("/v1/cases/case-q/programmes/extreme_poverty")
    assert detail.json()["priority_flags"] == ["centralised_care:620***********" + person[-4:]]


@pytest.mark.req("VER-9")
async def test_a_case_not_investigated_within_three_working_days_is_overdue_once(
    verifying: Verifying,
) -> None:
    # given a case opened today
    await verifying.open_case("case-d", [resident("123")])
    await verifying.runtime.projections.catch_up_all()
    engine = verifying.runtime.engine
    start_by = _working_days_after(TODAY, 3)
    # when the third working day comes, nothing is overdue yet
    verifying.clock.set(_morning(start_by))
    assert await check_deadlines(verifying.runtime.app.state.verification, engine) == 0
    # and on the day after, the investigation-start clock has run out
    verifying.clock.set(_morning(start_by + timedelta(days=1)))
    assert await check_deadlines(verifying.runtime.app.state.verification, engine) == 1
    await verifying.runtime.projections.catch_up_all()
    # then a second check raises nothing new, and the case shows its overdue clock
    assert await check_deadlines(verifying.runtime.app.state.verification, engine) == 0
    overdue = await verifying.events("verification.CaseOverdue")
    assert [(o["clock"], o["due_on"]) for o in overdue] == [
        ("investigation_start", start_by.isoformat())
    ]
    detail = await verifying.township.get("/v1/cases/case-d/programmes/urban_dibao")
    assert detail.json()["overdue"] == ["investigation_start"]
    assert detail.json()["clocks"] == {
        "investigation_start": start_by.isoformat(),
        "whole_process": _working_days_after(TODAY, 30).isoformat(),
    }


@pytest.mark.req("VER-9")
async def test_an_extension_with_a_reason_moves_the_whole_process_clock_to_45_working_days(
    verifying: Verifying,
) -> None:
    await verifying.open_case("case-e", [resident("123")])
    extended = await verifying.township.step(
        "case-e", "deadline-extension", {"reason": "需补充外省社保核对"}
    )
    extended_due = _working_days_after(TODAY, 45)
    assert extended.json()["clocks"]["whole_process"] == extended_due.isoformat(), extended.text
    again = await verifying.township.step("case-e", "deadline-extension", {"reason": "再次延长"})
    assert again.status_code == 409 and again.json()["code"] == "deadline-already-extended"
    # and the watcher reckons with the extension: day 31 is not overdue, day 46 is
    await verifying.runtime.projections.catch_up_all()
    await verifying.township.step("case-e", "economic-verification", {})
    await verifying.township.step("case-e", "investigation", INVESTIGATION)
    await verifying.runtime.projections.catch_up_all()
    service = verifying.runtime.app.state.verification
    verifying.clock.set(_morning(_working_days_after(TODAY, 31)))
    assert await check_deadlines(service, verifying.runtime.engine) == 0
    verifying.clock.set(_morning(extended_due + timedelta(days=1)))
    assert await check_deadlines(service, verifying.runtime.engine) == 1
    overdue = await verifying.events("verification.CaseOverdue")
    assert [(o["clock"], o["due_on"]) for o in overdue] == [
        ("whole_process", extended_due.isoformat())
    ]


GREEN_CHANNEL_DUE = TODAY + timedelta(days=17)  # the date intake set for the decision


def _grant(case_id: str) -> dict[str, object]:
    return {
        "case_id": case_id,
        "programme": "temporary_assistance",
        "amount_fen": 80_000,
        "division_code": VILLAGE,
        "resident_id": resident("123"),
        "bank_account": None,
        "verification_due": GREEN_CHANNEL_DUE.isoformat(),
        "follow_up_programmes": ["urban_dibao"],
    }


@pytest.mark.req("VER-9")
@pytest.mark.parametrize("grant_first", [True, False])
async def test_a_green_channel_case_must_be_decided_by_its_date(
    verifying: Verifying, grant_first: bool
) -> None:
    # given assistance granted first, before or after the application reaches verification
    handler = verifying.runtime.handlers["verification.intake"]
    grant = recorded("intake.PriorAssistanceGranted", _grant("case-g"), "case-g")
    if grant_first:
        async with verifying.runtime.engine.begin() as conn:
            await handler(grant, conn)
    await verifying.open_case("case-g", [resident("123")])
    if not grant_first:
        async with verifying.runtime.engine.begin() as conn:
            await handler(grant, conn)
    # then the case carries the date as one of its clocks
    detail = await verifying.township.get("/v1/cases/case-g/programmes/urban_dibao")
    assert detail.json()["clocks"]["prior_assistance"] == GREEN_CHANNEL_DUE.isoformat()
    # and the watcher raises it once the date has passed
    await verifying.runtime.projections.catch_up_all()
    verifying.clock.set(_morning(GREEN_CHANNEL_DUE + timedelta(days=1)))
    service = verifying.runtime.app.state.verification
    await check_deadlines(service, verifying.runtime.engine)
    clocks = [o["clock"] for o in await verifying.events("verification.CaseOverdue")]
    assert "prior_assistance" in clocks
    assert len(await verifying.events("verification.VerificationDueSet")) == 1
