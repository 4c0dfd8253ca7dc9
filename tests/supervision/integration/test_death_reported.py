"""SUP-3 on the real PostgreSQL: a death reported by public security raises the county's alert,
and periods paid after the month of death are flagged as paid after death."""

from __future__ import annotations

import pytest

from shared.clock import current_period
from tests.supervision.integration.conftest import Supervision
from tests.supervision.integration.population import Household, Ids
from tests.support import months_from


def _death(household: Household, died_on: str, ref: str) -> dict:
    member = household.members[0]
    return {
        "case_id": household.case_id, "programme": household.programme,
        "division_code": household.village, "resident_id": member["resident_id"],
        "relation": member["relation"], "died_on": died_on,
        "reported_by_department": "public_security", "source_ref": ref,
        "stage_when_reported": "approved", "opens_termination_review": True,
    }  # fmt: skip


@pytest.mark.req("SUP-3", "VER-7")
async def test_a_reported_death_alerts_the_county_and_flags_the_months_paid_after_it(
    supervision: Supervision,
) -> None:
    # given a recipient paid for the last three months (this one included)
    first, second, third = (months_from(current_period(supervision.clock), n) for n in (-2, -1, 0))
    died_on = f"{first}-20"
    ids = Ids()
    person = {"resident_id": ids.resident(), "name": "某某", "relation": "self"}
    dead = Household("case-dead", "620102001001", [person], 30_000, 60_000, ids.account(),
                     periods=[first, second, third])  # fmt: skip
    for type_, data in dead.events():
        await supervision.feed(type_, data)
    # when public security reports the death on the 20th of the first (and repeats the report)
    await supervision.feed("verification.DeathReported", _death(dead, died_on, "公安-1"))
    await supervision.feed("verification.DeathReported", _death(dead, died_on, "公安-1"))
    await supervision.catch_up()
    async with supervision.client() as client:
        answer = await client.get(
            "/v1/alerts", params={"limit": 50},
            headers=supervision.headers("county_officer", "620102"),
        )  # fmt: skip
    assert answer.status_code == 200, answer.text
    alerts = answer.json()["items"]
    # then the county is told once that a beneficiary died
    reported = [a for a in alerts if a["detector"] == "death_reported"]
    assert len(reported) == 1 and reported[0]["case_ids"] == ["case-dead"]
    assert reported[0]["evidence"]["died_on"] == died_on
    assert person["resident_id"] not in str(reported[0])
    # and the two later months (not the month of death) were paid after the death
    paid_after = sorted(
        a["evidence"]["period"] for a in alerts if a["detector"] == "paid_after_death"
    )
    assert paid_after == [second, third]
