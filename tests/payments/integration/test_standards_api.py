"""Standards over HTTP on the real database: minimums, If-Match, idempotency (PAY-1)."""

from __future__ import annotations

import pytest

from tests.payments.support import COUNTY, PERIOD, SINCE, Payments
from tests.support import first_day, months_from

RAISED_FROM = first_day(months_from(PERIOD, -4))  # a later version, July at the pinned clock


def body(division: str = COUNTY, fen: int = 70_000, **kw: object) -> dict[str, object]:
    return {
        "division_code": division,
        "programme": "urban_dibao",
        "effective_from": SINCE,
        "monthly_per_person_fen": fen,
        "reason": "甘民发〔2026〕1号",
        **kw,
    }


@pytest.mark.req("PAY-1", "GEN-8")
async def test_a_county_standard_below_the_provincial_guidance_is_refused(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given the province's guidance of 680 yuan per person per month
        guidance = await client.post(
            "/v1/standards",
            json=body("62", 68_000),
            headers=payments.headers("province_officer", "620000"),
        )
        assert guidance.status_code == 201, guidance.text
        # when the county sets 650 yuan
        refused = await client.post(
            "/v1/standards", json=body(fen=65_000), headers=payments.headers()
        )
        # then it is refused with a stable code naming the field, in both languages
        assert refused.status_code == 422
        problem = refused.json()
        assert problem["code"] == "standard-below-provincial-guidance"
        assert problem["field"] == "monthly_per_person_fen"
        assert "monthly_per_person_fen" in problem["detail_zh"]
        # and a county officer cannot set the provincial guidance
        denied = await client.post("/v1/standards", json=body("62"), headers=payments.headers())
        assert denied.status_code == 403


@pytest.mark.req("PAY-1", "GEN-8")
async def test_a_new_version_needs_the_current_etag(payments: Payments) -> None:
    async with payments.client() as client:
        created = await client.post("/v1/standards", json=body(), headers=payments.headers())
        assert created.status_code == 201, created.text
        assert created.headers["ETag"] == '"1"'
        raise_ = body(fen=75_000, effective_from=RAISED_FROM)
        missing = await client.post("/v1/standards", json=raise_, headers=payments.headers())
        assert missing.status_code == 428
        stale = await client.post(
            "/v1/standards", json=raise_, headers={**payments.headers(), "If-Match": '"0"'}
        )
        assert stale.status_code == 412
        headers = {**payments.headers(), "If-Match": '"1"'}
        raised = await client.post("/v1/standards", json=raise_, headers=headers)
        replay = await client.post("/v1/standards", json=raise_, headers=headers)
        assert raised.status_code == replay.status_code == 201
        assert replay.headers.get("Idempotent-Replayed") == "true"
        await payments.settle_projections()
        read = await client.get(f"/v1/standards/{COUNTY}/urban_dibao", headers=payments.headers())
        versions = read.json()["versions"]
        assert [v["monthly_per_person_fen"] for v in versions] == [70_000, 75_000]
        assert versions[1]["reason"] == "甘民发〔2026〕1号"
        # and another county's officer may not read it
        other = await client.get(
            f"/v1/standards/{COUNTY}/urban_dibao", headers=payments.headers(division="620103")
        )
        assert other.status_code == 403


@pytest.mark.req("PAY-1", "GEN-4")
async def test_a_lower_level_needs_a_stated_reason_and_records_it(payments: Payments) -> None:
    async with payments.client() as client:
        # given a county standard of 700 yuan from January
        created = await client.post("/v1/standards", json=body(), headers=payments.headers())
        assert created.status_code == 201, created.text
        etag = {"If-Match": created.headers["ETag"]}
        # when the county sets 690 yuan from July without saying why
        lower = body(fen=69_000, effective_from=RAISED_FROM)
        refused = await client.post("/v1/standards", json=lower,
                                    headers={**payments.headers(), **etag})  # fmt: skip
        # then it is refused (保障水平不能降低), naming the field, and nothing is recorded
        assert refused.status_code == 422, refused.text
        assert refused.json()["code"] == "standard-lowered"
        assert refused.json()["field"] == "monthly_per_person_fen"
        stream = f"standard-{COUNTY}:urban_dibao"
        assert len(await payments.runtime.store.read_stream(stream)) == 1
        # and with a stated reason it is accepted, the reason kept with the version
        accepted = await client.post(
            "/v1/standards", json={**lower, "lowering_reason": "统计口径调整，经省厅批准"},
            headers={**payments.headers(), **etag},
        )  # fmt: skip
        assert accepted.status_code == 201, accepted.text
        events = await payments.runtime.store.read_stream(stream)
        assert events[-1].data["lowering_reason"] == "统计口径调整，经省厅批准"


@pytest.mark.req("PAY-1", "GEN-8")
async def test_setting_a_standard_answers_with_every_version_as_recorded(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given a county standard of 700 yuan
        first = await client.post("/v1/standards", json=body(), headers=payments.headers())
        # when a raise to 750 yuan is set on it
        raised = await client.post(
            "/v1/standards",
            json=body(fen=75_000, effective_from=RAISED_FROM, reason="提标"),
            headers={**payments.headers(), "If-Match": '"1"'},
        )
        await payments.settle_projections()
        read = await client.get(f"/v1/standards/{COUNTY}/urban_dibao", headers=payments.headers())
    # then each answer lists the versions recorded so far, the new one last, as a read shows them
    assert (first.status_code, raised.status_code) == (201, 201), raised.text
    [only] = first.json()["versions"]
    assert (only["version"], only["monthly_per_person_fen"]) == (1, 70_000)
    assert only["reason"] == "甘民发〔2026〕1号" and only["set_by"]
    assert raised.json()["version"] == 2
    assert raised.json()["versions"] == read.json()["versions"]
    assert [v["monthly_per_person_fen"] for v in raised.json()["versions"]] == [70_000, 75_000]
