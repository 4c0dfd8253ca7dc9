"""SUP-7 on the real PostgreSQL: a named desk person, purchased services, training records."""

from __future__ import annotations

import pytest

from shared.clock import today
from tests.supervision.integration.conftest import Supervision
from tests.support import days_from

TOWNSHIP = "620102001"


@pytest.mark.req("SUP-7")
async def test_a_township_names_its_desk_person_buys_services_and_trains_staff(
    supervision: Supervision,
) -> None:
    day = today(supervision.clock)
    new_year = f"{day.year}-01-01"
    async with supervision.client() as client:
        base = f"/v1/capacity/{TOWNSHIP}"
        officer = supervision.headers("township_officer", TOWNSHIP)
        # given an empty file at version 0
        empty = await client.get(base, headers=officer)
        assert empty.headers["ETag"] == '"0"' and empty.json()["desk_staff"] is None
        # when the desk person is named, a service bought and a training held
        steps = [
            ("desk-staff", {"name": "刘专干", "phone": "13912345678", "since": new_year}),
            ("purchased-services", {"provider": "某社工服务中心", "service": "困难群众走访",
                                    "amount_fen": 12_000_000, "period_from": new_year,
                                    "period_to": f"{day.year}-12-31"}),
            ("trainings", {"held_on": days_from(day, -260), "topic": "低保政策", "attendees": 25}),
        ]  # fmt: skip
        answer = None
        for version, (path, body) in enumerate(steps):
            headers = {**supervision.headers("township_officer", TOWNSHIP),
                       "If-Match": f'"{version}"'}  # fmt: skip
            answer = await client.post(f"{base}/{path}", json=body, headers=headers)
            assert answer.status_code == 200, answer.text
        # and a stale If-Match is refused
        stale = await client.post(
            f"{base}/trainings",
            json=steps[2][1],
            headers={**supervision.headers("township_officer", TOWNSHIP), "If-Match": '"1"'},
        )
        listed = await client.get(
            "/v1/capacity/desks", headers=supervision.headers("county_officer", "620102")
        )
    # then the file shows all three, with the phone masked
    assert answer is not None
    file = answer.json()
    assert file["desk_staff"]["name"] == "刘专干" and file["desk_staff"]["phone"] == "139****5678"
    assert file["purchased_fen_total"] == 12_000_000 and file["trainings"][0]["attendees"] == 25
    assert stale.status_code == 412
    assert [(d["division_code"], d["phone"]) for d in listed.json()] == [(TOWNSHIP, "139****5678")]
