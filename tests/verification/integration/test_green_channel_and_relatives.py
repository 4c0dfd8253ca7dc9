"""INT-7 follow-up verification due by the grant's date; INT-10 relatives always sampled."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support import days_from
from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import decide, visit
from tests.verification.support import TODAY, TOWNSHIP, propose, recorded, resident

CASE = "/v1/cases/{}/programmes/urban_dibao"


async def _deliver(v: Verifying, type_name: str, data: dict[str, Any], case_id: str) -> None:
    async with v.runtime.engine.begin() as conn:
        await v.runtime.handlers["verification.intake"](recorded(type_name, data, case_id), conn)
    await v.runtime.projections.catch_up_all()


def _declared(application_id: str, member: str) -> dict[str, Any]:
    return {
        "application_id": application_id,
        "division_code": TOWNSHIP,
        "member_resident_id": member,
        "official_name": "李四",
        "official_role": "township_cadre",
        "official_org": "某街道办事处",
        "kinship": "sibling",
    }


@pytest.mark.req("INT-7")
async def test_a_follow_up_application_opens_with_the_grants_due_date(
    verifying: Verifying,
) -> None:
    # given intake's follow-up application naming an urgent case granted first
    due = days_from(TODAY, 7)
    await verifying.open_case(
        "follow-up-1",
        [resident("101")],
        urgent_case_id="urgent-1",
        verification_due=due,
        prior_assistance_programme="temporary_assistance",
    )
    # when the case is read
    read = await verifying.county.get(CASE.format("follow-up-1"))
    # then it must be decided by the grant's date
    assert read.json()["decide_by"] == due
    assert read.json()["clocks"]["prior_assistance"] == due
    due_set = await verifying.events("verification.VerificationDueSet")
    assert due_set[0]["prior_assistance_programme"] == "temporary_assistance"


@pytest.mark.req("INT-7")
async def test_a_grant_after_the_filing_sets_the_due_date_on_the_linked_case(
    verifying: Verifying,
) -> None:
    # given a follow-up application filed before any grant
    await verifying.open_case("follow-up-2", [resident("102")], urgent_case_id="urgent-2")
    # when intake reports the grant naming that application
    due = days_from(TODAY, 5)
    grant = {
        "case_id": "urgent-2", "programme": "medical_assistance", "amount_fen": 100_000,
        "division_code": TOWNSHIP, "resident_id": resident("102"), "bank_account": None,
        "verification_due": due, "follow_up_programmes": [], "persons": 1,
        "follow_up_application_id": "follow-up-2",
    }  # fmt: skip
    await _deliver(verifying, "intake.PriorAssistanceGranted", grant, "urgent-2")
    # then the application's case is due by the grant's date
    assert (await verifying.county.get(CASE.format("follow-up-2"))).json()["decide_by"] == due


@pytest.mark.req("INT-10", "VER-5")
async def test_a_declared_relatives_case_is_always_sampled_and_decided_by_the_county(
    verifying: Verifying,
) -> None:
    # given ten proposals of a township, one household with a township cadre's sibling
    for i in range(10):
        await verifying.open_case(f"case-{i:02d}", [resident(f"{100 + i}")])
        await propose(verifying.township, f"case-{i:02d}")
    await _deliver(
        verifying, "intake.StaffRelativeDeclared", _declared("case-07", resident("107")), "case-07"
    )
    assert (await verifying.county.get(CASE.format("case-07"))).json()["declared_relative"]
    # when the county forms a batch of them
    cases = [{"case_id": f"case-{i:02d}", "programme": "urban_dibao"} for i in range(10)]
    formed = await verifying.county.post("/v1/batches", {"township_code": TOWNSHIP, "cases": cases})
    batch = formed.json()
    # then the relative's household is in the sample beside the random three, and it says why
    assert "case-07/urban_dibao" in batch["sample"]
    assert batch["declared_relatives"] == ["case-07/urban_dibao"]
    assert len(batch["sample"]) in (3, 4) and batch["rederived_sample_matches"]
    drawn = (await verifying.events("verification.SpotCheckSampleDrawn"))[0]
    assert drawn["declared_relatives"] == ["case-07/urban_dibao"]
    # when the township tries to decide it, it may not: only the county decides
    version = (await verifying.county.get(CASE.format("case-07"))).json()["version"]
    township = await verifying.township.post(
        CASE.format("case-07") + "/decision",
        {"decision": "reject", "reason": "x"},
        if_match=version,
    )
    assert township.status_code == 403 and township.json()["code"] == "wrong-level"
    # and when every sampled household is visited, the county's decision records the relative
    for household in batch["sample"]:
        assert (await visit(verifying, batch, household)).status_code == 200
    rejected = await decide(verifying, "case-07", decision="reject", reason="收入超标")
    assert rejected.status_code == 200, rejected.text
    event = (await verifying.events("verification.CaseRejected"))[0]
    assert event["declared_relative"] is True
