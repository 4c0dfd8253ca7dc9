"""VER-1 against the partner data simulator: answers as evidence, failures never lose a case."""

from __future__ import annotations

import pytest

from tests.support import days_from
from tests.verification.conftest import Verifying
from tests.verification.support import TODAY, resident
from verification.domain.policy import INCOME_SOURCES

CASE = "case-ev"
PATH = f"/v1/cases/{CASE}/programmes/urban_dibao"


@pytest.mark.req("VER-1")
async def test_every_answer_is_evidence_and_differences_are_flagged(verifying: Verifying) -> None:
    # given a household whose declared assets are below what the sources find
    await verifying.open_case(CASE, [resident("123")], declared_assets_fen=0)
    # when the township runs the economic verification
    done = await verifying.township.step(CASE, "economic-verification", {})
    # then each of the 8 sources' answers is recorded and the difference flagged
    assert done.json()["evidence_sources_answered"] == 8
    evidence = await verifying.events("verification.EvidenceRecorded")
    assert {e["source"] for e in evidence} == {
        "household_registration",
        "social_insurance",
        "real_estate",
        "vehicles",
        "business_registration",
        "tax",
        "housing_fund",
        "bank_deposits",
    }
    assert all(e["obtained_by"] == "partner_api" and e["reference"] for e in evidence)
    completed = (await verifying.events("verification.EconomicVerificationCompleted"))[0]
    assessed = sum(e["assets_fen"] for e in evidence)
    assert completed["assessed_assets_fen"] == assessed
    assert ("assets_above_declaration" in completed["differences"]) == (assessed > 0)


@pytest.mark.req("VER-1")
async def test_a_failing_source_marks_the_case_for_follow_up_and_a_manual_answer_completes_it(
    verifying: Verifying,
) -> None:
    # given a member whose tax bureau answers 503 every time
    member = resident("901")
    await verifying.open_case(CASE, [member])
    # when the verification runs
    partial = await verifying.township.step(CASE, "economic-verification", {})
    # then the case stays in economic verification, marked for manual follow-up
    assert partial.status_code == 200, partial.text
    assert partial.json()["stage"] == "economic_verification"
    assert partial.json()["evidence_sources_answered"] == 7
    failed = await verifying.events("verification.EvidenceRequestFailed")
    assert [f["source"] for f in failed] == ["tax"] and failed[0]["attempts"] == 2
    follow_up = (await verifying.events("verification.ManualFollowUpRequired"))[0]
    assert follow_up["missing"] == ["tax:620***********" + member[-4:]]
    await verifying.runtime.projections.catch_up_all()
    queue = await verifying.township.get("/v1/work-queue?stage=economic_verification")
    assert [i["follow_up"] for i in queue.json()["items"]] == [True]
    # when an officer enters the tax bureau's answer by hand
    manual = await verifying.township.step(
        CASE,
        "evidence",
        {
            "source": "tax",
            "resident_id": member,
            "monthly_income_fen": 0,
            "assets_fen": 0,
            "reference": "税务局书面回函 2026-118",
        },
    )
    # then the check completes
    assert manual.json()["stage"] == "investigation", manual.text


@pytest.mark.req("VER-1")
async def test_a_flaky_source_is_retried_and_a_slow_one_times_out(verifying: Verifying) -> None:
    # given one member whose tax source fails once, and one whose bank is slow
    await verifying.open_case(CASE, [resident("904"), resident("902")])
    # when the verification runs
    answer = await verifying.township.step(CASE, "economic-verification", {})
    # then the flaky source was retried and answered; the slow one timed out and awaits retry
    failed = await verifying.events("verification.EvidenceRequestFailed")
    assert [(f["source"], f["resident_id"]) for f in failed] == [("bank_deposits", resident("902"))]
    assert "Timeout" in failed[0]["error"]
    assert answer.json()["evidence_sources_answered"] == 15
    # and a second run asks only for what is missing
    again = await verifying.township.step(CASE, "economic-verification", {})
    assert again.json()["stage"] == "economic_verification"
    assert len(await verifying.events("verification.EvidenceRecorded")) == 15


@pytest.mark.req("VER-1", "PAY-2")
async def test_a_declaration_above_what_the_sources_find_is_assessed_and_flagged(
    verifying: Verifying,
) -> None:
    # given a household declaring more income and assets than the sources can see
    declared = {"declared_monthly_income_fen": 100_000, "declared_assets_fen": 9_000_000}
    await verifying.open_case(CASE, [resident("123")], **declared)
    # when the township runs the economic verification
    await verifying.township.step(CASE, "economic-verification", {})
    completed = (await verifying.events("verification.EconomicVerificationCompleted"))[0]
    evidence = await verifying.events("verification.EvidenceRecorded")
    found = sum(e["monthly_income_fen"] for e in evidence if e["source"] in INCOME_SOURCES)
    assert found < 100_000 and sum(e["assets_fen"] for e in evidence) < 9_000_000
    # then the household is assessed on what it declared, not on less (ADR 0062), and flagged
    assessed = (completed["assessed_monthly_income_fen"], completed["assessed_assets_fen"])
    assert assessed == (100_000, 9_000_000)
    assert {"income_below_declaration", "assets_below_declaration"} <= set(completed["differences"])


@pytest.mark.req("VER-1", "VER-7")
async def test_contradictory_sources_are_flagged(verifying: Verifying) -> None:
    # given a member reported dead by household registration but earning per social insurance
    await verifying.open_case(CASE, [resident("903"), resident("123")])
    await verifying.township.step(CASE, "economic-verification", {})
    completed = (await verifying.events("verification.EconomicVerificationCompleted"))[0]
    masked = "620***********" + resident("903")[-4:]
    assert f"member_deceased:{masked}" in completed["differences"]
    assert f"contradictory_sources:{masked}" in completed["differences"]
    assert "income_above_declaration" in completed["differences"]


@pytest.mark.req("VER-1", "GEN-7")
async def test_no_verification_without_a_recorded_authorisation(verifying: Verifying) -> None:
    await verifying.open_case(
        CASE,
        [resident("123")],
        authorisation={
            "signed_by_resident_id": resident("123"),
            "signed_on": days_from(TODAY, -3),
            "document_ref": " ",
        },
    )
    refused = await verifying.township.step(CASE, "economic-verification", {})
    assert refused.status_code == 422
    assert refused.json()["code"] == "authorisation-missing"
    assert await verifying.events("verification.EvidenceRecorded") == []


@pytest.mark.req("VER-1")
async def test_unanswered_sources_are_retried_automatically_until_the_check_completes(
    verifying: Verifying,
) -> None:
    from tests.verification.conftest import make_partner
    from verification.reactions.follow_up import retry_follow_ups

    # given a check run while no partner source could be reached
    service = verifying.runtime.app.state.verification
    service.partner = None
    await verifying.open_case(CASE, [resident("123")])
    waiting = await verifying.township.step(CASE, "economic-verification", {})
    assert waiting.json()["stage"] == "economic_verification"
    await verifying.runtime.projections.catch_up_all()
    # when the sources are back and the watcher retries
    service.partner = make_partner()
    completed = await retry_follow_ups(service, verifying.runtime.engine)
    # then the check completes without anyone asking again, by the system with a reason
    assert completed == 1
    detail = await verifying.township.get(PATH)
    assert detail.json()["stage"] == "investigation"


@pytest.mark.req("VER-1")
async def test_a_partner_agency_answers_a_pending_request_but_nothing_else(
    verifying: Verifying,
) -> None:
    # given a case waiting for the tax bureau
    member = resident("901")
    await verifying.open_case(CASE, [member])
    await verifying.township.step(CASE, "economic-verification", {})
    agency = verifying.as_("partner_agency", "620102")
    answer = {
        "source": "tax",
        "resident_id": member,
        "monthly_income_fen": 0,
        "assets_fen": 0,
        "reference": "税务-回复-77",
    }
    # (the agency answers with the ETag the township gives it: If-Match is required)
    waiting = int((await verifying.township.get(PATH)).headers["ETag"].strip('"'))
    without = await agency.post(f"{PATH}/evidence", answer)
    assert without.status_code == 428 and without.json()["code"] == "precondition-required"
    # when the agency answers about someone not in the household, it is refused
    stranger = await agency.post(
        f"{PATH}/evidence", {**answer, "resident_id": resident("777")}, if_match=waiting
    )
    assert stranger.status_code == 409 and stranger.json()["code"] == "evidence-not-requested"
    # when it answers the pending request
    answered = await agency.post(f"{PATH}/evidence", answer, if_match=waiting)
    # then the check completes, the evidence naming the agency
    assert answered.json()["stage"] == "investigation", answered.text
    last = (await verifying.events("verification.EvidenceRecorded"))[-1]
    assert last["obtained_by"] == "partner_agency" and last["reference"] == "税务-回复-77"
    # and an agency of another county cannot answer for this one
    other = verifying.as_("partner_agency", "620103")
    now = int(answered.headers["ETag"].strip('"'))
    elsewhere = await other.post(f"{PATH}/evidence", answer, if_match=now)
    assert elsewhere.json()["code"] == "out-of-jurisdiction"
