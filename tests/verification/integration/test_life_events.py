"""Deaths reported by public security through the bulk life-events API (VER-7)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest

from shared.clock import today
from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import approved_case
from tests.verification.support import COUNTY, resident
from verification.domain.case import month_after

FEED = "/v1/life-events"


def death(person: str, ref: str, died_on: str = "2026-11-20") -> dict[str, Any]:
    """One death record as public security sends it."""
    return {"kind": "death", "resident_id": person, "died_on": died_on, "source_ref": ref,
            "reported_by_department": "public_security"}  # fmt: skip


@pytest.mark.req("VER-7")
async def test_a_death_at_any_stage_is_applied_once_and_an_unknown_person_is_unmatched(
    verifying: Verifying,
) -> None:
    # given an approved benefit (its head resident 100) and an application under verification
    # whose child (resident 301) public security will report
    approved = await approved_case(verifying)
    await verifying.open_case("case-open", [resident("300"), resident("301")])
    police = verifying.as_("public_security", "620100")
    # when the bureau reports both deaths (today) and someone nobody applied for
    died_on = today(verifying.clock)
    records = [death(resident("100"), "公安-1", died_on.isoformat()),
               death(resident("301"), "公安-2"), death(resident("555"), "公安-3")]  # fmt: skip
    answer = await police.post(FEED, {"records": records})
    # then each record says what it matched
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [(r["outcome"], r["cases_affected"], r["repeated"]) for r in body["results"]] == [
        ("matched", 1, False), ("matched", 1, False), ("unmatched", 0, False)
    ]  # fmt: skip
    assert (body["matched"], body["unmatched"]) == (2, 1)
    # and the running benefit stops from the next month and waits for the county's review
    detail = (await verifying.county.get(f"/v1/cases/{approved}/programmes/urban_dibao")).json()
    assert detail["stage"] == "termination_review"
    assert detail["deaths_reported"][0]["source_ref"] == "公安-1"
    suspended = await verifying.events("verification.BenefitSuspended")
    assert [s["effective_from"] for s in suspended] == [month_after(died_on).isoformat()]
    # while the open application keeps its stage, with the death on record
    opened = (await verifying.county.get("/v1/cases/case-open/programmes/urban_dibao")).json()
    assert opened["stage"] == "economic_verification" and opened["deceased_members_masked"]
    # when the same partner records arrive again under a new key, nothing changes
    again = await police.post(FEED, {"records": records})
    assert [(r["outcome"], r["repeated"]) for r in again.json()["results"]] == [
        ("matched", True), ("matched", True), ("unmatched", True)
    ]  # fmt: skip
    assert len(await verifying.events("verification.DeathReported")) == 2
    # and the county ends the benefit through the termination route
    ended = await verifying.county.step(
        approved,
        "termination",
        {"effective_from": month_after(died_on).isoformat(), "reason": "公安部门通报死亡"},
    )
    assert ended.status_code == 200 and ended.json()["stage"] == "terminated"
    await verifying.runtime.projections.catch_up_all()
    queue = (await verifying.county.get("/v1/work-queue?stage=terminated")).json()
    assert [i["case_id"] for i in queue["items"]] == [approved]


@pytest.mark.req("VER-7")
async def test_the_same_idempotency_key_replays_the_answer(verifying: Verifying) -> None:
    await verifying.open_case("case-k", [resident("400")])
    police = verifying.as_("public_security", "620102")
    key = str(uuid.uuid4())
    body = {"records": [death(resident("400"), "公安-k")]}
    first = await police.post(FEED, body, key=key)
    second = await police.post(FEED, body, key=key)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert len(await verifying.events("verification.DeathReported")) == 1


@pytest.mark.req("VER-7", "GEN-6")
async def test_only_public_security_may_report_and_only_within_its_jurisdiction(
    verifying: Verifying,
) -> None:
    await verifying.open_case("case-j", [resident("410")])
    body = {"records": [death(resident("410"), "公安-j")]}
    for role, division in (("county_officer", COUNTY), ("partner_agency", COUNTY)):
        refused = await verifying.as_(role, division).post(FEED, body)
        assert refused.status_code == 403 and refused.json()["code"] == "role-not-allowed"
    # a bureau of another county does not reach the case: unmatched, nothing recorded
    other = await verifying.as_("public_security", "620103").post(FEED, body)
    assert other.json()["results"][0]["outcome"] == "unmatched"
    assert await verifying.events("verification.DeathReported") == []
    bad = await verifying.as_("public_security", COUNTY).post(
        FEED, {"records": [{**death(resident("410"), "x"), "kind": "birth"}]}
    )
    assert bad.status_code in (400, 422)


@pytest.mark.req("VER-7", "GEN-8")
async def test_a_death_after_today_or_before_birth_refuses_the_feed_naming_the_record(
    verifying: Verifying,
) -> None:
    # given an approved benefit whose head (resident 100) was born on 1 January 1960
    approved = await approved_case(verifying)
    police = verifying.as_("public_security", "620100")
    tomorrow = today(verifying.clock) + timedelta(days=1)
    for died_on, index in ((tomorrow, 1), (date(1959, 12, 31), 1)):
        # when public security reports a death after today, or before the person's birth
        records = [death(resident("100"), f"公安-ok-{index}"), death(resident("100"), "公安-x")]
        records[index]["died_on"] = died_on.isoformat()
        answer = await police.post(FEED, {"records": records})
        # then the whole feed is refused, naming the record's date
        assert answer.status_code == 422, answer.text
        assert answer.json()["field"] == f"records.{index}.died_on"
    # and nothing of it was applied: the benefit runs on
    detail = (await verifying.county.get(f"/v1/cases/{approved}/programmes/urban_dibao")).json()
    assert detail["stage"] != "termination_review"
    assert await verifying.events("verification.DeathReported") == []
