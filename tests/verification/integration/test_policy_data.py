"""Policy numbers as data (ADR 0017): the province sets the notice period and the spot-check rate
through the API, effective from a date; batches and notices record the version they used."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from shared.clock import today
from tests.verification.conftest import Verifying
from tests.verification.support import COUNTY, TOWNSHIP, Api, propose, resident

POLICY_EVENT = "verification.PolicySet"


async def put_policy(
    api: Api, name: str, body: dict[str, Any], if_match: int | None = None
) -> httpx.Response:
    """PUT one policy number with a fresh Idempotency-Key (and If-Match when given)."""
    return await api.client.put(f"/v1/policy/{name}", json=body, headers=api.headers(if_match))


def setting(value: Any, effective_from: date, scope: str = "62", reason: str = "省厅通知") -> Any:
    """A PUT body."""
    return {
        "value": value,
        "effective_from": effective_from.isoformat(),
        "scope": scope,
        "reason": reason,
    }


async def batch_of(v: Verifying, prefix: str, n: int) -> dict[str, Any]:
    """Given n new proposals of the township, formed into a county batch."""
    for i in range(n):
        await v.open_case(f"{prefix}-{i:02d}", [resident(f"{200 + i}")])
        await propose(v.township, f"{prefix}-{i:02d}")
    cases = [{"case_id": f"{prefix}-{i:02d}", "programme": "urban_dibao"} for i in range(n)]
    formed = await v.county.post("/v1/batches", {"township_code": TOWNSHIP, "cases": cases})
    assert formed.status_code == 201, formed.text
    return formed.json()


def value_of(policy: dict[str, Any], name: str) -> dict[str, Any]:
    """One policy number of a GET /v1/policy answer."""
    return next(p for p in policy["policies"] if p["name"] == name)


@pytest.mark.req("VER-5", "VER-6")
async def test_the_province_changes_the_notice_period_and_rate_and_decisions_record_the_version(
    verifying: Verifying,
) -> None:
    province = verifying.as_("province_officer", "62")
    day0 = today(verifying.clock)
    # given a batch and a notice made under the deployment defaults (30%, 7 days)
    before = await batch_of(verifying, "old", 10)
    assert before["sample_size"] == 3 and before["policy_version"] == 0
    old_case = before["households"][0].split("/")[0]
    noticed = await verifying.township.step(old_case, "notice", {})
    assert noticed.json()["notice_period_days"] == 7, noticed.text
    assert noticed.json()["notice_policy_version"] == 0
    # when the province raises the rate from today and the notice period from tomorrow
    rate = await put_policy(province, "spot_check_rate", setting("0.5", day0, reason="提高抽查"))
    assert rate.status_code == 200, rate.text
    assert rate.headers["ETag"] == '"1"' and rate.json()["set_by"]["role"] == "province_officer"
    assert rate.json()["recorded_at"] is not None
    async with verifying.runtime.engine.connect() as conn:  # a setting belongs to no case
        sql = text("SELECT metadata->>'case_id' FROM events WHERE type = :t")
        cases = await conn.execute(sql, {"t": POLICY_EVENT})
    assert cases.scalars().all() == [None]
    tomorrow = day0 + timedelta(days=1)
    period = await put_policy(
        province, "notice_period_days", setting(10, tomorrow, reason="延长公示"), if_match=1
    )
    assert period.status_code == 200 and period.json()["version"] == 2, period.text
    # then today the rate is in force and the notice period is still the default, pending
    shown = (await verifying.county.get("/v1/policy")).json()
    raised = value_of(shown, "spot_check_rate")
    assert (raised["value"], raised["version"], raised["source"]) == ("0.5", 1, "province")
    assert raised["reason"] == "提高抽查" and raised["set_by"]["role"] == "province_officer"
    assert raised["effective_from"] == day0.isoformat()
    pending = value_of(shown, "notice_period_days")
    assert (pending["value"], pending["version"], pending["source"]) == ("7", 0, "default")
    assert [h["effective_from"] for h in pending["history"]] == [tomorrow.isoformat()]
    # when the next day comes, the next batch and notice use the province's numbers
    verifying.clock.advance(timedelta(days=1))
    after = await batch_of(verifying, "new", 10)
    assert after["sample_size"] == 5 and after["rate"] == "0.5"
    assert after["policy_version"] == 1 and after["rederived_sample_matches"] is True
    new_case = after["households"][0].split("/")[0]
    noticed = await verifying.township.step(new_case, "notice", {})
    new_notice = noticed.json()
    assert (new_notice["notice_period_days"], new_notice["notice_policy_version"]) == (10, 2)
    assert noticed.json()["notice_period_ends_on"] == (tomorrow + timedelta(days=10)).isoformat()
    # and the earlier decisions still show the version they used
    earlier = (await verifying.county.get(f"/v1/batches/{before['batch_id']}")).json()
    assert (earlier["rate"], earlier["policy_version"], earlier["sample_size"]) == ("0.30", 0, 3)
    old = (await verifying.county.get(f"/v1/cases/{old_case}/programmes/urban_dibao")).json()
    assert (old["notice_period_days"], old["notice_policy_version"]) == (7, 0)
    assert old["notice_period_ends_on"] == (day0 + timedelta(days=7)).isoformat()
    drawn = await verifying.events("verification.SpotCheckSampleDrawn")
    assert [(d["policy_version"], d["policy_rate"]) for d in drawn] == [(0, "0.30"), (1, "0.5")]
    notices = await verifying.events("verification.NoticePublished")
    assert [(n["period_days"], n["policy_version"]) for n in notices] == [(7, 0), (10, 2)]


@pytest.mark.req("VER-5")
async def test_refusals_write_nothing_and_a_second_setting_needs_if_match(
    verifying: Verifying,
) -> None:
    province = verifying.as_("province_officer", "62")
    day0 = today(verifying.clock)
    # a rate below 30% is refused, naming the field
    low = await put_policy(province, "spot_check_rate", setting("0.29", day0))
    assert low.status_code == 422 and low.json()["field"] == "value", low.text
    # a county officer may set neither the province's scope nor another county's
    county = verifying.county
    for scope in ("62", "620103"):
        refused = await put_policy(county, "spot_check_rate", setting("0.4", day0, scope))
        assert refused.status_code == 403, refused.text
    # a date before today, a township scope and an unknown name are refused too
    past = await put_policy(province, "notice_period_days", setting(9, day0 - timedelta(days=1)))
    assert past.status_code == 422 and past.json()["field"] == "effective_from"
    township = await put_policy(province, "notice_period_days", setting(9, day0, TOWNSHIP))
    assert township.status_code == 422 and township.json()["field"] == "scope"
    assert (await put_policy(province, "unknown", setting(1, day0))).status_code == 404
    assert await verifying.events(POLICY_EVENT) == []
    # given one setting, a second PUT without If-Match is 428 and writes nothing
    first = await put_policy(county, "spot_check_rate", setting("0.4", day0, COUNTY, "本县提高"))
    assert first.status_code == 200, first.text
    second = await put_policy(province, "notice_period_days", setting(9, day0))
    assert second.status_code == 428 and second.json()["code"] == "precondition-required"
    stale = await put_policy(province, "notice_period_days", setting(9, day0), if_match=0)
    assert stale.status_code == 412
    assert len(await verifying.events(POLICY_EVENT)) == 1
    # and the county's override (still ≥ 30%) is what its county sees, not the province
    mine = value_of((await county.get("/v1/policy")).json(), "spot_check_rate")
    assert (mine["value"], mine["source"], mine["scope"]) == ("0.4", "county", COUNTY)
    other = await province.get("/v1/policy?division=620103")
    assert value_of(other.json(), "spot_check_rate")["source"] == "default"
    low_county = await put_policy(
        county, "spot_check_rate", setting("0.2", day0, COUNTY), if_match=1
    )
    assert low_county.status_code == 422 and low_county.json()["field"] == "value"
