"""INT-5 on the working calendar China works by: library years, and years loaded as events."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import Any

import httpx
import pytest

from shared.clock import CHINA
from shared.workcalendar.book import CalendarBook
from tests.intake.conftest import Intake
from tests.intake.integration.test_referrals_api import REFERRAL
from tests.support import eventually

# Test data for the API (not a claim about the real 2027 schedule): 8 days off, one Saturday worked
YEAR_2027 = {
    "holidays": [f"2027-02-{d:02d}" for d in range(6, 14)],
    "makeup_workdays": ["2027-02-20"],
    "document_ref": "国办发明电〔2026〕x号",
    "reason": "载入2027年春节放假安排",
}


def _province(intake: Intake, if_match: int | None = None) -> dict[str, str]:
    return intake.headers("province_officer", "62", if_match=if_match, org="省民政厅")


async def _put(
    client: httpx.AsyncClient, headers: dict[str, str], **changes: Any
) -> httpx.Response:
    return await client.put("/v1/calendar/years/2027", json={**YEAR_2027, **changes},
                            headers=headers)  # fmt: skip


async def _refer_at(intake: Intake, when: datetime) -> dict[str, Any]:
    intake.clock.set(when)
    async with intake.client() as client:
        created = await client.post("/v1/referrals", json=REFERRAL, headers=intake.headers())
    assert created.status_code == 201, created.text
    return dict(created.json())


@pytest.mark.req("INT-5")
async def test_a_referral_before_spring_festival_is_due_after_the_loaded_holiday(
    intake: Intake,
) -> None:
    # given the province loads the 2027 Spring Festival through the API (2027 is not in the library)
    async with intake.client() as client:
        before = await client.get("/v1/calendar/years/2027", headers=intake.headers())
        loaded = await _put(client, _province(intake))
    assert before.json()["source"] == "none" and before.json()["version"] == 0
    assert loaded.status_code == 200, loaded.text
    assert loaded.headers["ETag"] == '"1"'
    # when a referral is received on Friday 5 Feb 2027 in the afternoon
    referral = await _refer_at(intake, datetime(2027, 2, 5, 15, 30, tzinfo=CHINA))
    # then 2 working days run over the holiday: Monday 15, Tuesday 16 Feb
    assert (referral["received_on"], referral["acknowledge_by"]) == ("2027-02-05", "2027-02-16")
    # and one received on Friday 19 Feb counts the make-up Saturday 20 Feb: due Monday 22 Feb
    later = await _refer_at(intake, datetime(2027, 2, 19, 10, 0, tzinfo=CHINA))
    assert later["acknowledge_by"] == "2027-02-22"
    # and each deadline records the calendar version it was computed under
    opened = await intake.events_of("intake.ReferralOpened")
    assert [e["data"]["calendar_version"] for e in opened] == ["2027:v1", "2027:v1"]


@pytest.mark.req("INT-5")
async def test_a_referral_is_due_on_the_makeup_saturday_of_the_library_year(
    intake: Intake,
) -> None:
    # given nothing loaded: 2026 comes from chinese-calendar, where Sat 28 Feb 2026 is worked
    # when a referral is received on Thursday 26 Feb 2026
    referral = await _refer_at(intake, datetime(2026, 2, 26, 9, 0, tzinfo=CHINA))
    # then it is due on the make-up Saturday
    assert (referral["received_on"], referral["acknowledge_by"]) == ("2026-02-26", "2026-02-28")
    opened = await intake.events_of("intake.ReferralOpened")
    assert opened[0]["data"]["calendar_version"] == "2026:chinese-calendar 1.11.0"
    # and the calendar API says where 2026's days come from
    async with intake.client() as client:
        year = (await client.get("/v1/calendar/years/2026", headers=intake.headers())).json()
    assert year["source"] == "chinese-calendar 1.11.0" and year["version"] == 0
    assert "2026-02-28" in year["makeup_workdays"] and "2026-02-17" in year["holidays"]


@pytest.mark.req("INT-5")
async def test_a_correction_needs_if_match_and_keeps_every_version(intake: Intake) -> None:
    async with intake.client() as client:
        assert (await _put(client, _province(intake))).status_code == 200
        # when the year is corrected without If-Match, or with a stale one
        missing = await _put(client, _province(intake), makeup_workdays=[])
        stale = await _put(client, _province(intake, if_match=0), makeup_workdays=[])
        # and then with the version read
        corrected = await _put(client, _province(intake, if_match=1), makeup_workdays=[],
                               reason="更正：取消调休")  # fmt: skip
        year = (await client.get("/v1/calendar/years/2027", headers=intake.headers())).json()
    assert (missing.status_code, missing.json()["code"]) == (428, "precondition-required")
    assert (stale.status_code, stale.json()["code"]) == (412, "precondition-failed")
    assert corrected.status_code == 200 and corrected.headers["ETag"] == '"2"'
    # then the correction is in force and the first version is still there to explain
    assert (year["source"], year["version"], year["makeup_workdays"]) == ("v2", 2, [])
    assert [v["makeup_workdays"] for v in year["history"]] == [["2027-02-20"], []]
    assert year["history"][0]["document_ref"] == "国办发明电〔2026〕x号"
    assert year["history"][1]["actor"]["role"] == "province_officer"
    referral = await _refer_at(intake, datetime(2027, 2, 19, 10, 0, tzinfo=CHINA))
    assert referral["acknowledge_by"] == "2027-02-23"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"holidays": ["2027-02-06", "2028-01-01"]}, "holidays[1]"),
        ({"makeup_workdays": ["2027-02-06"]}, "makeup_workdays"),
        ({"makeup_workdays": ["2027-02-22"]}, "makeup_workdays"),
    ],
)
async def test_a_contradictory_year_is_refused_naming_the_field(
    intake: Intake, changes: dict[str, Any], field: str
) -> None:
    async with intake.client() as client:
        refused = await _put(client, _province(intake), **changes)
        year = (await client.get("/v1/calendar/years/2027", headers=intake.headers())).json()
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert (refused.json()["code"], refused.json()["field"]) == ("invalid-calendar-year", field)
    assert year["version"] == 0


async def test_only_the_province_or_ops_load_a_year_with_an_idempotency_key(
    intake: Intake,
) -> None:
    async with intake.client() as client:
        township = await _put(client, intake.headers())
        headers = intake.headers("ops", "62")
        keyless = await _put(client, {k: v for k, v in headers.items() if k != "Idempotency-Key"})
        first = await _put(client, headers)
        replayed = await _put(client, headers)
    assert (township.status_code, township.json()["code"]) == (403, "role-not-allowed")
    assert (keyless.status_code, keyless.json()["code"]) == (400, "idempotency-key-required")
    assert first.status_code == replayed.status_code == 200
    assert replayed.headers["Idempotent-Replayed"] == "true"
    assert await intake.events_of("intake.CalendarYearSet") != []
    assert len(await intake.events_of("intake.CalendarYearSet")) == 1


@pytest.mark.req("INT-5")
async def test_a_service_starting_on_a_store_with_loaded_years_computes_on_them(
    intake: Intake,
) -> None:
    # given 2027 loaded through the API
    async with intake.client() as client:
        assert (await _put(client, _province(intake))).status_code == 200
    # when another process starts on the same store: its refresher loads at start-up
    book = CalendarBook("intake")
    stop = asyncio.Event()
    loop = asyncio.create_task(book.refresher(intake.runtime.engine, 3600.0)(stop))
    await eventually(lambda: 2027 in book.loaded, message="2027 was not loaded at start-up")
    stop.set()
    await loop
    # then its deadlines use the loaded year
    assert book.add_working_days(date(2027, 2, 5), 2) == date(2027, 2, 16)
    assert book.source_of(2027) == "v1"
