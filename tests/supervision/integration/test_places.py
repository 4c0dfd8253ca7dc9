"""Places by name over HTTP (mounted on every service) and the SUP-7 desk check against them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shared.places.store import load_places
from tests.supervision.integration.conftest import PINNED, Supervision

HEADER = "code,name,level,parent,valid_from,valid_to\n"
PLACES = (
    HEADER + "620102001,甲街道,township,620102,2001-01-01,\n"
    "620102002,乙街道,township,620102,2001-01-01,2025-12-31\n"
    "620102003,丙街道,township,620102,2001-01-01,\n"
    "620102001001,丁社区,village,620102001,2001-01-01,\n"
).encode()
DESK = {"name": "刘专干", "phone": "13912345678", "since": f"{PINNED.year}-01-01"}


async def _register(supervision: Supervision) -> None:
    at = PINNED - timedelta(days=29)  # the register was loaded earlier in the month
    await load_places(supervision.runtime.engine, PLACES, file_name="p.csv", loaded_by="ops",
                      at=at)  # fmt: skip


async def test_a_place_is_named_with_its_parents_and_validity(supervision: Supervision) -> None:
    # given the register of 城关区 loaded into the service's database
    await _register(supervision)
    reader = supervision.headers("inspector", "620000")
    async with supervision.client() as client:
        # when places are read by code, padded NBS code included
        village = (await client.get("/v1/places/620102001001", headers=reader)).json()
        closed = (await client.get("/v1/places/620102002000", headers=reader)).json()
        county = (await client.get("/v1/places/620102", headers=reader)).json()
        unknown = await client.get("/v1/places/620102009", headers=reader)
        malformed = await client.get("/v1/places/62010A", headers=reader)
        anonymous = await client.get("/v1/places/620102")
    # then names, levels and the chain up to the province are given, and validity on today
    assert (village["name"], village["level"], village["parent"]) == ("丁社区", "village",
                                                                      "620102001")  # fmt: skip
    assert [link["name"] for link in village["chain"]] == ["甲街道", "城关区", "兰州市", "甘肃省"]
    assert village["in_force"] and village["valid_from"] == "2001-01-01"
    assert closed["code"] == "620102002" and closed["valid_to"] == "2025-12-31"
    assert not closed["in_force"]
    assert county["name"] == "城关区" and county["valid_from"] is None
    assert unknown.status_code == 404 and unknown.json()["code"] == "unknown-place"
    assert unknown.headers["content-type"].startswith("application/problem+json")
    assert malformed.status_code == 422
    assert malformed.json()["errors"][0]["field"] == "path.code"
    assert anonymous.status_code == 401


async def test_children_are_listed_in_cursor_pages(supervision: Supervision) -> None:
    await _register(supervision)
    reader = supervision.headers("auditor", "620102")
    async with supervision.client() as client:
        first = (await client.get("/v1/places?parent=620102&limit=2", headers=reader)).json()
        cursor = first["next_cursor"]
        second = await client.get(f"/v1/places?parent=620102&limit=2&cursor={cursor}",
                                  headers=reader)  # fmt: skip
        counties = (await client.get("/v1/places?parent=620100&limit=200", headers=reader)).json()
        unknown = await client.get("/v1/places?parent=620199", headers=reader)
        malformed = await client.get("/v1/places?parent=abc", headers=reader)
    assert [p["name"] for p in first["items"]] == ["甲街道", "乙街道"] and cursor
    assert [p["name"] for p in second.json()["items"]] == ["丙街道"]
    assert second.json()["next_cursor"] is None
    assert "城关区" in [p["name"] for p in counties["items"]] and counties["next_cursor"] is None
    assert unknown.status_code == 404
    assert malformed.status_code == 422
    assert malformed.json()["errors"][0]["field"] == "query.parent"


@pytest.mark.req("SUP-7")
async def test_a_desk_person_is_named_only_for_a_township_in_force(
    supervision: Supervision,
) -> None:
    # given the county's townships registered: 甲 in force, 乙 closed at the end of 2025
    await _register(supervision)
    async with supervision.client() as client:

        async def name_desk(township: str) -> tuple[int, dict]:
            county = supervision.headers("county_officer", township[:6])
            headers = {**county, "If-Match": '"0"'}
            answer = await client.post(f"/v1/capacity/{township}/desk-staff", json=DESK,
                                       headers=headers)  # fmt: skip
            return answer.status_code, answer.json()

        # when desk persons are named for each
        named = await name_desk("620102001")
        closed = await name_desk("620102002")
        unknown = await name_desk("620102077")
        # and for a township of 七里河区, whose townships were never loaded
        other = await name_desk("620103005")
    # then only the township in force and the unregistered county's township are accepted
    assert named[0] == 200 and named[1]["desk_staff"]["name"] == "刘专干"
    for status, problem in (closed, unknown):
        assert status == 422 and problem["code"] == "place-not-in-force"
        assert problem["field"] == "division_code"
    assert other[0] == 200
