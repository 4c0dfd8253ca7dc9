"""The county: batches with a seeded 30% spot check, notice, decisions, jurisdiction (VER-5/6/7)."""

from __future__ import annotations

import asyncio
import random
from datetime import date, timedelta
from typing import Any

import pytest

from shared.clock import current_period, today
from tests.support import first_day, months_from
from tests.verification.conftest import Verifying
from tests.verification.support import (
    COUNTY,
    INVESTIGATION,
    TODAY,
    TOWNSHIP,
    propose,
    recorded,
    resident,
)

RATE_FLOOR_CASES = 10


async def proposed_batch(
    v: Verifying, n: int = RATE_FLOOR_CASES, rate: str | None = None
) -> dict[str, Any]:
    """Given n proposals of one township taken by the county into a batch."""
    for i in range(n):
        await v.open_case(f"case-{i:02d}", [resident(f"{100 + i}")])
        await propose(v.township, f"case-{i:02d}")
    body: dict[str, Any] = {
        "township_code": TOWNSHIP,
        "cases": [{"case_id": f"case-{i:02d}", "programme": "urban_dibao"} for i in range(n)],
    }
    if rate:
        body["rate"] = rate
    formed = await v.county.post("/v1/batches", body)
    assert formed.status_code == 201, formed.text
    return formed.json()


async def visit(v: Verifying, batch: dict[str, Any], household: str) -> Any:
    """A county visit to one household of the batch, sent with the batch's current ETag."""
    current = await v.county.get(f"/v1/batches/{batch['batch_id']}")
    case_id, programme = household.split("/")
    body = {
        "case_id": case_id,
        "programme": programme,
        "visited_by": ["县民政 赵", "县民政 钱"],
        "visited_on": TODAY.isoformat(),
        "findings": "情况属实",
    }
    return await v.county.post(
        f"/v1/batches/{batch['batch_id']}/spot-checks",
        body,
        if_match=int(current.headers["ETag"].strip('"')),
    )


async def decide(v: Verifying, case_id: str, programme: str = "urban_dibao", **body: Any) -> Any:
    """The county's decision on a case."""
    return await v.county.step(
        case_id, "decision", {"decision": "approve", "reason": "经审批符合条件", **body}, programme
    )


@pytest.mark.req("VER-5")
async def test_a_batch_of_ten_samples_three_with_a_recorded_seed_an_auditor_can_rederive(
    verifying: Verifying,
) -> None:
    # when the county forms a batch of 10 proposals
    batch = await proposed_batch(verifying)
    # then ⌈0.30 × 10⌉ = 3 households are sampled, with the seed recorded in the event
    assert batch["sample_size"] == 3 and len(batch["sample"]) == 3
    drawn = (await verifying.events("verification.SpotCheckSampleDrawn"))[0]
    assert drawn["seed"] == batch["seed"] and drawn["sample"] == batch["sample"]
    # and an auditor re-derives the same sample from the seed alone
    again = sorted(random.Random(drawn["seed"]).sample(sorted(drawn["households"]), 3))
    assert again == drawn["sample"]
    assert batch["rederived_sample_matches"] is True


@pytest.mark.req("VER-5")
async def test_the_rate_may_be_raised_but_never_below_thirty_percent(verifying: Verifying) -> None:
    await verifying.open_case("case-x", [resident("150")])
    await propose(verifying.township, "case-x")
    low = await verifying.county.post(
        "/v1/batches",
        {
            "township_code": TOWNSHIP,
            "cases": [{"case_id": "case-x", "programme": "urban_dibao"}],
            "rate": "0.29",
        },
    )
    assert low.status_code == 422 and low.json()["code"] == "spot-check-rate-too-low"
    assert low.json()["field"] == "rate"
    high = await verifying.county.post(
        "/v1/batches",
        {
            "township_code": TOWNSHIP,
            "cases": [{"case_id": "case-x", "programme": "urban_dibao"}],
            "rate": "0.5",
        },
    )
    assert high.status_code == 201 and high.json()["sample_size"] == 1


@pytest.mark.req("VER-5", "VER-6", "VER-7")
async def test_approval_waits_for_every_sampled_visit_and_the_notice_period(
    verifying: Verifying,
) -> None:
    batch = await proposed_batch(verifying)
    target = batch["sample"][0].split("/")[0]
    # when the county approves before any spot check
    early = await decide(verifying, target)
    # then it is refused: spot check incomplete
    assert early.status_code == 422 and early.json()["code"] == "spot-check-incomplete"
    # when two of the three sampled households are visited, still refused
    for household in batch["sample"][:2]:
        assert (await visit(verifying, batch, household)).status_code == 200
    assert (await decide(verifying, target)).json()["code"] == "spot-check-incomplete"
    # a household outside the sample is not a spot check of this batch
    outside = next(h for h in batch["households"] if h not in batch["sample"])
    assert (await visit(verifying, batch, outside)).json()["code"] == "not-in-sample"
    # when the last sampled household is visited and the notice is published
    done = await visit(verifying, batch, batch["sample"][2])
    assert done.json()["complete"] is True
    noticed = await verifying.township.step(target, "notice", {})
    assert noticed.json()["stage"] == "notice", noticed.text
    # then approval is still refused during the 7-day notice period
    running = await decide(verifying, target)
    assert running.json()["code"] == "notice-period-running"
    # and after it, the county approves
    verifying.clock.advance(timedelta(days=8))
    approved = await decide(verifying, target, rural_class=None)
    assert approved.status_code == 200, approved.text
    assert approved.json()["stage"] == "approved"
    event = (await verifying.events("verification.CaseApproved"))[0]
    assert event["case_id"] == target and event["county_code"] == COUNTY
    # by rule: no fixed amount, whatever the township proposed (payments computes it, PAY-2)
    assert (event["amount_basis"], event["approved_monthly_amount_fen"]) == ("rule", 0)
    assert approved.json()["proposed_monthly_amount_fen"] == 60_000
    approved_on = today(verifying.clock)
    assert event["effective_from"] == approved_on.isoformat()
    assert event["next_review_due"] == a_year_after(approved_on).isoformat()  # urban: yearly
    assert event["members"][0].keys() == {
        "resident_id",
        "name",
        "relation",
        "self_care",
        "disability_grade",
    }


@pytest.mark.req("VER-7", "GEN-6")
async def test_a_decision_outside_the_countys_jurisdiction_is_refused(verifying: Verifying) -> None:
    batch = await proposed_batch(verifying, n=1)
    other = verifying.as_("county_officer", "620103")
    case_id = batch["households"][0].split("/")[0]
    version = (await verifying.county.get(f"/v1/cases/{case_id}/programmes/urban_dibao")).json()[
        "version"
    ]
    refused = await other.post(
        f"/v1/cases/{case_id}/programmes/urban_dibao/decision",
        {"decision": "approve", "reason": "x"},
        if_match=version,
    )
    assert refused.status_code == 403 and refused.json()["code"] == "out-of-jurisdiction"
    township = await verifying.township.post(
        f"/v1/cases/{case_id}/programmes/urban_dibao/decision",
        {"decision": "approve", "reason": "x"},
        if_match=version,
    )
    assert township.status_code == 403 and township.json()["code"] == "wrong-level"


@pytest.mark.req("VER-7")
async def test_a_rejection_carries_the_reason_and_the_right_to_appeal(verifying: Verifying) -> None:
    batch = await proposed_batch(verifying, n=1)
    await visit(verifying, batch, batch["sample"][0])
    case_id = batch["households"][0].split("/")[0]
    rejected = await decide(
        verifying, case_id, decision="reject", reason="家庭人均收入高于低保标准"
    )
    assert rejected.json()["stage"] == "rejected", rejected.text
    event = (await verifying.events("verification.CaseRejected"))[0]
    assert event["reason"] == "家庭人均收入高于低保标准"
    assert "行政复议" in event["appeal_rights"]


def a_year_after(day: date) -> date:
    """The same day a year later (a 29 February's anniversary is 28 February)."""
    return day.replace(year=day.year + 1, day=min(day.day, 28 if day.month == 2 else day.day))


async def approved_case(v: Verifying) -> str:
    """Given one approved case."""
    batch = await proposed_batch(v, n=1)
    await visit(v, batch, batch["sample"][0])
    case_id = batch["households"][0].split("/")[0]
    await v.township.step(case_id, "notice", {})
    v.clock.advance(timedelta(days=8))
    fixed = {"override_monthly_amount_fen": 60_000, "override_reason": "按乡镇审核意见核定"}
    approved = await decide(v, case_id, **fixed)
    assert approved.status_code == 200, approved.text
    assert approved.json()["amount_basis"] == "override"
    return case_id


@pytest.mark.req("VER-7")
async def test_an_approved_benefit_is_adjusted_suspended_and_terminated(
    verifying: Verifying,
) -> None:
    case_id = await approved_case(verifying)
    month = current_period(verifying.clock)  # changes take effect from the months that follow
    adjusted = await verifying.county.step(
        case_id,
        "adjustment",
        {
            "approved_monthly_amount_fen": 55_000,
            "effective_from": first_day(months_from(month, 1)),
            "reason": "收入变化",
        },
    )
    assert adjusted.json()["approved_monthly_amount_fen"] == 55_000
    suspended = await verifying.county.step(
        case_id,
        "suspension",
        {"effective_from": first_day(months_from(month, 2)), "reason": "待核实外出务工情况"},
    )
    assert suspended.json()["stage"] == "suspended"
    ended = await verifying.county.step(
        case_id,
        "termination",
        {"effective_from": first_day(months_from(month, 3)), "reason": "公安部门通报死亡"},
    )
    assert ended.json()["stage"] == "terminated"
    again = await verifying.county.step(
        case_id, "suspension", {"effective_from": first_day(months_from(month, 4)), "reason": "x"}
    )
    assert again.json()["code"] == "stage-out-of-order"
    for kind in ("BenefitAdjusted", "BenefitSuspended", "BenefitTerminated"):
        assert len(await verifying.events(f"verification.{kind}")) == 1


@pytest.mark.req("VER-7")
async def test_a_supervision_recheck_order_reopens_investigation(verifying: Verifying) -> None:
    case_id = await approved_case(verifying)
    order = recorded(
        "supervision.CorrectiveActionOrdered",
        {
            "action_id": "a-1",
            "case_id": case_id,
            "action": "recheck",
            "programme": None,
            "amount_fen": None,
            "reason": "举报人情保",
            "complaint_id": "c-9",
        },
        case_id,
    )
    async with verifying.runtime.engine.begin() as conn:
        await verifying.runtime.handlers["verification.supervision"](order, conn)
    case = await verifying.county.get(f"/v1/cases/{case_id}/programmes/urban_dibao")
    assert case.json()["stage"] == "recheck"
    opened = (await verifying.events("verification.RecheckOpened"))[0]
    assert opened["requested_by_complaint_id"] == "c-9"
    rechecked = await verifying.township.step(case_id, "investigation", INVESTIGATION)
    assert rechecked.json()["stage"] == "approved"


@pytest.mark.req("VER-5", "GEN-6")
async def test_the_countys_batch_queue_shows_spot_check_progress_within_its_division(
    verifying: Verifying,
) -> None:
    batch = await proposed_batch(verifying, n=4)  # ⌈0.3 × 4⌉ = 2 sampled
    for household in batch["sample"][:1]:
        await visit(verifying, batch, household)
    await verifying.runtime.projections.catch_up_all()
    queue = (await verifying.county.get("/v1/batches")).json()["items"]
    assert [(b["sample_size"], b["visited"], b["complete"]) for b in queue] == [(2, 1, False)]
    await visit(verifying, batch, batch["sample"][1])
    await verifying.runtime.projections.catch_up_all()
    done = (await verifying.county.get("/v1/batches?complete=true")).json()["items"]
    assert [b["batch_id"] for b in done] == [batch["batch_id"]]
    other = verifying.as_("county_officer", "620103")
    assert (await other.get("/v1/batches")).json()["items"] == []


@pytest.mark.req("INT-9", "VER-7")
async def test_a_household_is_not_approved_for_a_programme_a_member_holds_in_another_case(
    verifying: Verifying,
) -> None:
    # given a person approved for urban dibao
    await approved_case(verifying)
    # and another application naming the same person, made elsewhere at the same moment (the
    # desk and a caseload import each refuse one, not one of each)
    await verifying.open_case("case-race", [resident("100")])
    await propose(verifying.township, "case-race")
    formed = await verifying.county.post(
        "/v1/batches",
        {
            "township_code": TOWNSHIP,
            "cases": [{"case_id": "case-race", "programme": "urban_dibao"}],
        },
    )
    assert formed.status_code == 201, formed.text
    await visit(verifying, formed.json(), "case-race/urban_dibao")
    await verifying.township.step("case-race", "notice", {})
    verifying.clock.advance(timedelta(days=8))
    await verifying.runtime.projections.catch_up_all()
    # when the county approves it, then it is refused naming the member
    refused = await decide(verifying, "case-race")
    assert refused.status_code == 409, refused.text
    assert (refused.json()["code"], refused.json()["field"]) == (
        "member-holds-programme", "members.0.resident_id",
    )  # fmt: skip
    assert resident("100") not in refused.text
    # and it may still be rejected
    rejected = await verifying.county.step(
        "case-race", "decision",
        {"decision": "reject", "reason": "已在他案享受低保", "appeal_rights": "可申请复议"},
    )  # fmt: skip
    assert rejected.status_code == 200, rejected.text


async def two_cases_ready_for_decision(
    v: Verifying, case_ids: tuple[str, str], programme: str = "urban_dibao"
) -> None:
    """Given two cases naming the same person, both past their notice and projected so."""
    for case_id in case_ids:
        await v.open_case(case_id, [resident("100")], programmes=[programme])
        await propose(v.township, case_id, programme)
    formed = await v.county.post(
        "/v1/batches",
        {
            "township_code": TOWNSHIP,
            "cases": [{"case_id": c, "programme": programme} for c in case_ids],
        },
    )
    assert formed.status_code == 201, formed.text
    for household in formed.json()["sample"]:
        await visit(v, formed.json(), household)
    for case_id in case_ids:
        await v.township.step(case_id, "notice", {}, programme)
    v.clock.advance(timedelta(days=8))
    await v.runtime.projections.catch_up_all()


@pytest.mark.req("INT-9", "VER-7")
async def test_a_second_approval_naming_a_person_is_refused_before_the_first_is_projected(
    verifying: Verifying,
) -> None:
    await two_cases_ready_for_decision(verifying, ("case-a", "case-b"))
    # when the county approves one, and the other before the projections learn of the first
    first = await decide(verifying, "case-a")
    assert first.status_code == 200, first.text
    second = await decide(verifying, "case-b")
    # then the second is refused naming the member, and nothing of it is recorded
    assert second.status_code == 409, second.text
    assert second.json()["code"] == "member-holds-programme"
    assert len(await verifying.events("verification.CaseApproved")) == 1


@pytest.mark.req("INT-9", "VER-7")
async def test_of_two_approvals_naming_a_person_at_the_same_moment_one_passes(
    verifying: Verifying,
) -> None:
    await two_cases_ready_for_decision(verifying, ("case-a", "case-b"))
    # when the county approves both at the same moment
    answers = await asyncio.gather(decide(verifying, "case-a"), decide(verifying, "case-b"))
    # then one is approved and the other refused
    assert sorted(a.status_code for a in answers) == [200, 409], [a.text for a in answers]
    assert len(await verifying.events("verification.CaseApproved")) == 1


@pytest.mark.req("INT-9", "PAY-8")
async def test_temporary_assistance_paid_once_holds_nobody_from_a_second_grant(
    verifying: Verifying,
) -> None:
    # given two temporary assistance cases naming one person (the desk frees its claim once
    # payments has paid the first: ADR 0032 amended)
    await two_cases_ready_for_decision(verifying, ("case-a", "case-b"), "temporary_assistance")
    # when the county approves both, then both are approved: a grant is paid once, held by nobody
    for case_id in ("case-a", "case-b"):
        approved = await decide(verifying, case_id, "temporary_assistance")
        assert approved.status_code == 200, approved.text
