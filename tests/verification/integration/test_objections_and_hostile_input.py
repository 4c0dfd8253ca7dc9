"""VER-6: who may record an objection, with If-Match; GEN-8: hostile input on verification."""

from __future__ import annotations

import pytest

from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import proposed_batch
from tests.verification.support import COUNTY, TOWNSHIP, VILLAGE, resident

OBJECTION = {"anonymous": True, "content": "该户有营运车辆"}


async def _noticed_case(verifying: Verifying) -> tuple[str, str, int]:
    """A case in a county batch under public notice: its id, path and current version."""
    batch = await proposed_batch(verifying, n=1)
    case_id = batch["households"][0].split("/")[0]
    noticed = await verifying.township.step(case_id, "notice", {})
    assert noticed.status_code == 200, noticed.text
    path = f"/v1/cases/{case_id}/programmes/urban_dibao"
    current = await verifying.township.get(path)
    return case_id, path, int(current.headers["ETag"].strip('"'))


@pytest.mark.req("VER-6")
@pytest.mark.parametrize(
    ("role", "division"),
    [
        ("bank", "62"),
        ("ops", "62"),
        ("charity", COUNTY),
        ("auditor", "62"),
        ("inspector", "62"),
        ("partner_agency", COUNTY),
        ("village_committee", VILLAGE),
        ("province_officer", "62"),
        ("city_officer", "6201"),
        ("township_officer", "620102002"),  # another township of the same county
        ("county_officer", "620103"),  # another county
    ],
)
async def test_only_the_cases_township_or_county_officer_may_record_an_objection(
    verifying: Verifying, role: str, division: str
) -> None:
    _, path, version = await _noticed_case(verifying)
    refused = await verifying.as_(role, division).post(
        f"{path}/objections", OBJECTION, if_match=version
    )
    assert refused.status_code == 403, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    # and the case stays in its batch under notice, nothing recorded
    after = await verifying.township.get(path)
    assert after.json()["stage"] == "notice" and after.json()["batch_id"] is not None
    assert await verifying.events("verification.ObjectionRaised") == []


@pytest.mark.req("VER-6")
async def test_an_objection_needs_if_match(verifying: Verifying) -> None:
    _, path, _ = await _noticed_case(verifying)
    missing = await verifying.township.post(f"{path}/objections", OBJECTION)
    assert missing.status_code == 428, missing.text
    assert missing.json()["code"] == "precondition-required"
    stale = await verifying.township.post(f"{path}/objections", OBJECTION, if_match=1)
    assert stale.status_code == 412, stale.text
    assert await verifying.events("verification.ObjectionRaised") == []


@pytest.mark.req("VER-6")
@pytest.mark.parametrize("who", ["township", "county"])
async def test_the_township_or_county_officer_records_an_objection(
    verifying: Verifying, who: str
) -> None:
    _, path, version = await _noticed_case(verifying)
    officer = verifying.township if who == "township" else verifying.county
    recorded = await officer.post(f"{path}/objections", OBJECTION, if_match=version)
    assert recorded.status_code == 200, recorded.text
    assert recorded.json()["stage"] == "investigation" and recorded.json()["batch_id"] is None
    assert len(await verifying.events("verification.ObjectionRaised")) == 1


@pytest.mark.req("GEN-8")
async def test_nul_in_path_query_or_json_text_is_422_on_verification(
    verifying: Verifying,
) -> None:
    township = verifying.township
    in_path = await township.get("/v1/cases/case%0001/programmes/urban_dibao")
    in_query = await verifying.client.get(
        "/v1/work-queue", params={"cursor": "abc\x00"}, headers=township.headers()
    )
    in_body = await verifying.county.post(
        "/v1/batches",
        {"township_code": TOWNSHIP, "cases": [{"case_id": "c\x00", "programme": "urban_dibao"}]},
    )
    for answer, field in (
        (in_path, "path.case_id"),
        (in_query, "query.cursor"),
        (in_body, "body.cases.0.case_id"),
    ):
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert [e["field"] for e in answer.json()["errors"]] == [field]


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize("amount", [2**63, True, "60000"], ids=["int64+1", "true", "string"])
async def test_a_proposed_amount_is_a_strict_int64(verifying: Verifying, amount: object) -> None:
    await verifying.open_case("case-m", [resident("150")])
    path = "/v1/cases/case-m/programmes/urban_dibao"
    current = await verifying.township.get(path)
    version = int(current.headers["ETag"].strip('"'))
    answer = await verifying.township.post(
        f"{path}/proposal",
        {"proposed_monthly_amount_fen": amount, "review_opinion": "拟保"},
        if_match=version,
    )
    assert answer.status_code == 422, answer.text
    assert "body.proposed_monthly_amount_fen" in {e["field"] for e in answer.json()["errors"]}


@pytest.mark.req("GEN-8")
async def test_a_work_queue_stage_that_does_not_exist_is_422_naming_it(
    verifying: Verifying,
) -> None:
    bogus = await verifying.township.get("/v1/work-queue?stage=bogus")
    assert bogus.status_code == 422, bogus.text
    assert [e["field"] for e in bogus.json()["errors"]] == ["query.stage"]
    known = await verifying.township.get("/v1/work-queue?stage=economic_verification")
    assert known.status_code == 200, known.text
