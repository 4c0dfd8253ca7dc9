"""Lists with filters and cursors, amendments with If-Match, and the refusals that write nothing."""

from __future__ import annotations

import time

import jwt
import pytest

from tests.intake.conftest import OTHER_TOWNSHIP, SIGNED_ON, SPOUSE, TOWNSHIP, Intake, body


def other_household(division: str, programmes: list[str]) -> dict[str, object]:
    return body(
        division_code=division,
        programmes=programmes,
        members=[{"resident_id": SPOUSE, "name": "王", "relation": "self"}],
        authorisation={
            "signed_by_resident_id": SPOUSE,
            "signed_on": SIGNED_ON,
            "document_ref": "y",
        },
    )


@pytest.mark.req("INT-2", "GEN-6", "GEN-8")
async def test_the_list_filters_pages_and_stays_inside_the_jurisdiction(intake: Intake) -> None:
    # given applications in two districts of Lanzhou
    async with intake.client() as client:
        await client.post("/v1/applications", json=body(), headers=intake.headers())
        await client.post(
            "/v1/applications",
            json=body(programmes=["education_assistance"]),
            headers=intake.headers(),
        )
        await client.post(
            "/v1/applications",
            json=other_household(OTHER_TOWNSHIP, ["urban_dibao"]),
            headers=intake.headers(division=OTHER_TOWNSHIP),
        )
        await intake.caught_up()
        county = intake.headers("county_officer", "620102")
        # when the Chengguan county pages through its applications one by one
        first = (await client.get("/v1/applications?limit=1", headers=county)).json()
        second = (
            await client.get(
                f"/v1/applications?limit=1&cursor={first['next_cursor']}", headers=county
            )
        ).json()
        dibao = (await client.get("/v1/applications?programme=urban_dibao", headers=county)).json()
        city = intake.headers("city_officer", "6201")
        everything = (await client.get("/v1/applications", headers=city)).json()
        outside = await client.get(f"/v1/applications?division={OTHER_TOWNSHIP}", headers=county)
        bad_cursor = await client.get("/v1/applications?cursor=nonsense", headers=county)
    # then it sees its own two, page by page, and filters by programme
    assert first["next_cursor"] and second["next_cursor"] is None
    assert first["items"][0]["application_id"] != second["items"][0]["application_id"]
    assert {i["division_code"] for i in first["items"] + second["items"]} == {TOWNSHIP}
    assert [i["programmes"] for i in dibao["items"]] == [["urban_dibao"]]
    assert len(everything["items"]) == 3
    # and another district's list is refused, a forged cursor too
    assert outside.status_code == 403 and outside.json()["code"] == "out-of-jurisdiction"
    assert bad_cursor.status_code == 400 and bad_cursor.json()["code"] == "invalid-cursor"


@pytest.mark.req("INT-2", "GEN-8")
async def test_an_amendment_needs_the_current_version(intake: Intake) -> None:
    # given a registered application at version 2
    amendment = {
        "declared_monthly_income_fen": 30_000,
        "declared_assets_fen": 0,
        "reason": "补正收入",
    }
    async with intake.client() as client:
        created = await client.post("/v1/applications", json=body(), headers=intake.headers())
        url = f"/v1/applications/{created.json()['application_id']}/amendments"
        # when amended without If-Match, with a stale one, then with the current one
        missing = await client.post(url, json=amendment, headers=intake.headers())
        stale = await client.post(url, json=amendment, headers=intake.headers(if_match=1))
        done = await client.post(url, json=amendment, headers=intake.headers(if_match=2))
        await intake.caught_up()
        read = await client.get(url.removesuffix("/amendments"), headers=intake.headers())
    # then 428, 412, then the amendment with its new version
    assert (missing.status_code, stale.status_code, done.status_code) == (428, 412, 200)
    assert done.headers["ETag"] == '"3"'
    assert read.json()["declared_monthly_income_fen"] == 30_000
    assert read.headers["ETag"] == '"3"'
    amended = await intake.events_of("intake.ApplicationAmended")
    assert amended[0]["metadata"]["reason"] == "补正收入"


@pytest.mark.req("INT-2", "GEN-6")
async def test_an_expired_token_and_an_unknown_division_write_nothing(intake: Intake) -> None:
    # given a token that expired an hour ago
    expired = intake.signer.mint("c", "township_officer", TOWNSHIP, "x", ttl_s=-3600)
    async with intake.client() as client:
        late = await client.post(
            "/v1/applications",
            json=body(),
            headers={"Authorization": f"Bearer {expired}", "Idempotency-Key": "k1"},
        )
        unknown = await client.post(
            "/v1/applications", json=body(division_code="629999001"), headers=intake.headers()
        )
    # then 401 and 422 naming the field, and no event is written
    assert late.status_code == 401 and late.json()["code"] == "unauthenticated"
    assert "expired" in late.json()["detail"]
    assert unknown.status_code == 422
    assert [e["field"] for e in unknown.json()["errors"]] == ["body.division_code"]
    assert await intake.types() == []
    assert jwt.decode(expired, options={"verify_signature": False})["exp"] < time.time()
