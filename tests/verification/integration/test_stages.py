"""The stage machine through the API: township investigates and reviews, refusals are clear."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.support import days_from
from tests.verification.conftest import Verifying
from tests.verification.support import COUNTY, INVESTIGATION, PROPOSAL, TODAY, VILLAGE, resident

CASE = "case-0001"
PATH = f"/v1/cases/{CASE}/programmes/urban_dibao"


async def verified_case(v: Verifying, case_id: str = CASE) -> None:
    """Given a case whose economic verification completed against the simulator."""
    await v.open_case(case_id, [resident("123"), resident("124", birth="20150101")])
    answer = await v.township.step(case_id, "economic-verification", {})
    assert answer.status_code == 200, answer.text
    assert answer.json()["stage"] == "investigation", await v.events(
        "verification.EvidenceRequestFailed"
    )


@pytest.mark.req("VER-1", "VER-2", "VER-4")
async def test_the_township_verifies_investigates_and_proposes_each_step_an_event(
    verifying: Verifying,
) -> None:
    # given a case verified against the partner data simulator
    await verified_case(verifying)
    # when the township records the investigation and submits its review
    investigated = await verifying.township.step(CASE, "investigation", INVESTIGATION)
    proposed = await verifying.township.step(CASE, "proposal", PROPOSAL)
    # then the case waits for the county with the proposed benefit
    assert investigated.json()["stage"] == "township_review", investigated.text
    assert proposed.status_code == 200, proposed.text
    assert proposed.json()["stage"] == "proposed"
    assert proposed.json()["proposed_monthly_amount_fen"] == 60_000
    assert proposed.headers["ETag"] == f'"{proposed.json()["version"]}"'
    # and each transition is an event carrying the actor and a reason
    async with verifying.runtime.engine.connect() as conn:
        from sqlalchemy import text

        rows = (
            await conn.execute(
                text(
                    "SELECT type, metadata FROM events WHERE stream_id = :s ORDER BY stream_version"
                ),
                {"s": f"verification-{CASE}-urban_dibao"},
            )
        ).all()
    types = [r.type for r in rows]
    assert types[0] == "verification.CaseOpened"
    assert types.count("verification.EvidenceRecorded") == 16  # 8 sources × 2 members
    assert types[-3:] == [
        "verification.EconomicVerificationCompleted",
        "verification.InvestigationRecorded",
        "verification.ProposalSubmitted",
    ]
    for row in rows:
        assert row.metadata["actor"]["id"] and row.metadata["reason"], row.type
    assert rows[-1].metadata["actor"]["role"] == "township_officer"


@pytest.mark.req("VER-2")
async def test_an_investigation_needs_two_staff(verifying: Verifying) -> None:
    await verified_case(verifying)
    # when only one officer is named
    refused = await verifying.township.step(
        CASE, "investigation", {**INVESTIGATION, "staff": ["王明"]}
    )
    # then it is refused, naming the field
    assert refused.status_code == 422
    assert refused.json()["code"] == "too-few-investigators"
    assert refused.json()["field"] == "staff"


@pytest.mark.req("VER-2")
@pytest.mark.parametrize(
    "staff",
    [
        ["王五", "王五\u200b"],  # a zero-width space
        ["呼延调查员", "呼延调查员 "],  # a trailing space
        ["王五", "\u3000王五"],  # an ideographic space
        ["Wang Wu", "Ｗａｎｇ Ｗｕ"],  # full-width letters
        ["王五", "\ufeff王五"],  # a byte-order mark
    ],
    ids=["zero-width", "trailing-space", "ideographic-space", "full-width", "bom"],
)
async def test_one_name_written_two_ways_is_one_investigator(
    verifying: Verifying, staff: list[str]
) -> None:
    await verified_case(verifying)
    # when one officer's name is given twice, the second time with an invisible difference
    refused = await verifying.township.step(
        CASE, "investigation", {**INVESTIGATION, "staff": staff}
    )
    # then it counts as one investigator and is refused
    assert refused.status_code == 422, refused.text
    assert refused.json()["code"] == "too-few-investigators"


@pytest.mark.req("VER-2", "VER-4")
async def test_a_step_out_of_order_is_refused_with_the_stage(verifying: Verifying) -> None:
    # given a case still in economic verification
    await verifying.open_case(CASE, [resident("123")])
    # when the township tries to propose it
    refused = await verifying.township.step(CASE, "proposal", PROPOSAL)
    # then the refusal names the stage, in both languages
    assert refused.status_code == 409
    body = refused.json()
    assert body["code"] == "stage-out-of-order"
    assert body["stage"] == "economic_verification"
    assert body["title_zh"] and body["detail"]


@pytest.mark.req("VER-4", "GEN-6")
async def test_a_village_committee_cannot_investigate_or_review(verifying: Verifying) -> None:
    await verified_case(verifying)
    village = verifying.as_("village_committee", VILLAGE)
    # when the village committee records an investigation
    current = await verifying.township.get(PATH)
    refused = await village.post(
        f"{PATH}/investigation", INVESTIGATION, if_match=current.json()["version"]
    )
    # then it is refused with its own code
    assert refused.status_code == 403
    assert refused.json()["code"] == "village-committee-cannot-review"


@pytest.mark.req("VER-4")
async def test_the_county_cannot_do_the_townships_review(verifying: Verifying) -> None:
    await verified_case(verifying)
    await verifying.township.step(CASE, "investigation", INVESTIGATION)
    refused = await verifying.county.step(CASE, "proposal", PROPOSAL)
    assert refused.status_code == 403
    assert refused.json()["code"] == "wrong-level"


@pytest.mark.req("VER-3")
async def test_a_democratic_appraisal_alone_cannot_decide(verifying: Verifying) -> None:
    # given a case with only a democratic appraisal recorded
    await verifying.open_case(CASE, [resident("123")])
    appraisal = {"held_on": days_from(TODAY, -1), "participants": 15, "outcome": "多数同意纳入低保"}
    recorded = await verifying.township.step(CASE, "appraisal", appraisal)
    assert recorded.status_code == 200, recorded.text
    assert recorded.json()["appraised"] is True
    # when the township tries to propose on the strength of it
    refused = await verifying.township.step(CASE, "proposal", PROPOSAL)
    # then it is refused: appraisal never decides alone
    assert refused.status_code == 422
    assert refused.json()["code"] == "appraisal-cannot-decide-alone"


@pytest.mark.req("GEN-8")
async def test_a_stale_or_missing_if_match_changes_nothing(verifying: Verifying) -> None:
    await verified_case(verifying)
    current = (await verifying.township.get(PATH)).json()["version"]
    # when the step is sent with a stale version, then without one
    stale = await verifying.township.post(
        f"{PATH}/investigation", INVESTIGATION, if_match=current - 1
    )
    missing = await verifying.township.client.post(
        f"{PATH}/investigation",
        json=INVESTIGATION,
        headers={k: v for k, v in verifying.township.headers().items() if k != "If-Match"},
    )
    # then 412 and 428, and the case is unchanged
    assert stale.status_code == 412 and stale.json()["code"] == "precondition-failed"
    assert missing.status_code == 428 and missing.json()["code"] == "precondition-required"
    assert (await verifying.township.get(PATH)).json()["version"] == current


@pytest.mark.req("GEN-8")
async def test_a_repeated_post_replays_its_answer(verifying: Verifying) -> None:
    await verified_case(verifying)
    version = (await verifying.township.get(PATH)).json()["version"]
    first = await verifying.township.post(
        f"{PATH}/investigation", INVESTIGATION, version, key="k-1"
    )
    again = await verifying.township.post(
        f"{PATH}/investigation", INVESTIGATION, version, key="k-1"
    )
    assert first.status_code == again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert len(await verifying.events("verification.InvestigationRecorded")) == 1


@pytest.mark.req("GEN-6")
async def test_reads_are_scoped_to_the_callers_division(verifying: Verifying) -> None:
    await verifying.open_case(CASE, [resident("123")])
    other = verifying.as_("county_officer", "620103")
    assert (await other.get(PATH)).json()["code"] == "out-of-jurisdiction"
    assert (await verifying.as_("county_officer", COUNTY).get(PATH)).status_code == 200


@pytest.mark.req("VER-9")
async def test_a_withdrawn_application_closes_the_undecided_case(verifying: Verifying) -> None:
    from tests.verification.support import recorded
    from verification.reactions.deadlines import check_deadlines

    await verified_case(verifying)
    withdrawn = recorded(
        "intake.ApplicationWithdrawn", {"application_id": CASE, "reason": "已外出务工"}, CASE
    )
    async with verifying.runtime.engine.begin() as conn:
        await verifying.runtime.handlers["verification.intake"](withdrawn, conn)
    assert (await verifying.township.get(PATH)).json()["stage"] == "withdrawn"
    # and its clocks stop: no overdue alert for a closed case
    await verifying.runtime.projections.catch_up_all()
    verifying.clock.advance(timedelta(days=90))
    service = verifying.runtime.app.state.verification
    assert await check_deadlines(service, verifying.runtime.engine) == 0


@pytest.mark.req("GEN-8", "VER-1")
async def test_a_repeated_economic_verification_replays_instead_of_refusing(
    verifying: Verifying,
) -> None:
    await verifying.open_case(CASE, [resident("123")])
    version = (await verifying.township.get(PATH)).json()["version"]
    path = f"{PATH}/economic-verification"
    first = await verifying.township.post(path, {}, version, key="ev-1")
    again = await verifying.township.post(path, {}, version, key="ev-1")
    assert first.status_code == again.status_code == 200, again.text
    assert again.json() == first.json()
    assert len(await verifying.events("verification.EconomicVerificationCompleted")) == 1


@pytest.mark.req("VER-2", "VER-3", "GEN-8")
async def test_a_visit_or_an_appraisal_dated_after_today_is_refused_naming_the_date(
    verifying: Verifying,
) -> None:
    # given a case under verification
    await verifying.open_case(CASE, [resident("124")])
    tomorrow = days_from(TODAY, 1)
    # when the township records an appraisal held tomorrow, or a visit made tomorrow
    appraisal = {"held_on": tomorrow, "participants": 15, "outcome": "多数同意纳入低保"}
    held = await verifying.township.step(CASE, "appraisal", appraisal)
    visited = await verifying.township.step(
        CASE, "investigation", {**INVESTIGATION, "visited_on": tomorrow}
    )
    # then each is refused, naming its date, and nothing is recorded
    assert (held.status_code, held.json()["field"]) == (422, "held_on"), held.text
    assert (visited.status_code, visited.json()["field"]) == (422, "visited_on"), visited.text
    assert held.json()["code"] == visited.json()["code"] == "date-in-the-future"
    assert await verifying.events("verification.AppraisalRecorded") == []
