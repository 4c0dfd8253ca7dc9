"""SUP-3: the account holder's ID travels from the application to the approval (null if unknown)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import decide, visit
from tests.verification.support import TOWNSHIP, propose, resident

OUTSIDER = resident("777", birth="19700101")


@pytest.mark.req("SUP-3")
async def test_the_account_holder_is_carried_onto_case_opened_and_case_approved(
    verifying: Verifying,
) -> None:
    # given one application naming an account holder outside the household, one naming none
    holder = {"name": "李四", "resident_id": OUTSIDER}
    await verifying.open_case("case-held", [resident("101")], bank_account_holder=holder)
    await verifying.open_case("case-plain", [resident("102")])
    # when both are proposed, spot-checked, noticed and approved by the county
    for case_id in ("case-held", "case-plain"):
        await propose(verifying.township, case_id)
    formed = await verifying.county.post(
        "/v1/batches",
        {
            "township_code": TOWNSHIP,
            "cases": [
                {"case_id": c, "programme": "urban_dibao"} for c in ("case-held", "case-plain")
            ],
            "rate": "1",
        },
    )
    assert formed.status_code == 201, formed.text
    batch = formed.json()
    for household in batch["sample"]:
        assert (await visit(verifying, batch, household)).status_code == 200
    for case_id in ("case-held", "case-plain"):
        assert (await verifying.township.step(case_id, "notice", {})).status_code == 200
    verifying.clock.advance(timedelta(days=8))
    for case_id in ("case-held", "case-plain"):
        answer = await decide(verifying, case_id)
        assert answer.status_code == 200, answer.text
    # then the holder's ID is on CaseOpened and CaseApproved of that case, null on the other
    opened = {e["case_id"]: e for e in await verifying.events("verification.CaseOpened")}
    approved = {e["case_id"]: e for e in await verifying.events("verification.CaseApproved")}
    for events in (opened, approved):
        assert events["case-held"]["bank_account_holder_resident_id"] == OUTSIDER
        assert events["case-plain"]["bank_account_holder_resident_id"] is None
    # and the case's API does not show the holder's ID in clear
    case = await verifying.county.get("/v1/cases/case-held/programmes/urban_dibao")
    assert case.status_code == 200 and OUTSIDER not in case.text
