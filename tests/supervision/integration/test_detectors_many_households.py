"""SUP-3 on the real PostgreSQL: alerts about several households (one person in two, one account
paying several) reach every county involved and follow the households that come later."""

from __future__ import annotations

from dataclasses import replace

import pytest

from shared.contracts.payments import BankAccountChanged
from shared.privacy import mask_bank_account
from tests.supervision.integration.conftest import Supervision
from tests.supervision.integration.population import Household, Ids, clean_population


async def _feed(supervision: Supervision, household: Household) -> None:
    for type_, data in household.events():
        await supervision.feed(type_, data)


async def _alerts(supervision: Supervision, county: str, detector: str) -> list[dict]:
    await supervision.catch_up()
    async with supervision.client() as client:
        answer = await client.get(
            "/v1/alerts", params={"limit": 200, "detector": detector},
            headers=supervision.headers("county_officer", county),
        )  # fmt: skip
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


@pytest.mark.req("SUP-3")
async def test_a_duplicate_id_reaches_every_county_and_follows_a_later_household(
    supervision: Supervision,
) -> None:
    ids = Ids()
    first = clean_population(ids, 1)[0]
    person = {**first.members[0], "relation": "self"}
    # given a person approved in a household of 620102, then in one of 620103
    second = replace(first, case_id="dup-2", village="620103001001", members=[person],
                     account=ids.account(), account_holder=None)  # fmt: skip
    for household in (first, second):
        await _feed(supervision, household)
    # then each county sees the alert naming both households
    for county in ("620102", "620103"):
        alerts = await _alerts(supervision, county, "duplicate_id")
        assert [a["case_ids"] for a in alerts] == [[first.case_id, "dup-2"]], county
    # and the first county takes its alert in hand
    [mine] = await _alerts(supervision, "620102", "duplicate_id")
    async with supervision.client() as client:
        answer = await client.post(
            f"/v1/alerts/{mine['alert_id']}/acknowledgement", json={"note": "核查中"},
            headers={**supervision.headers("county_officer", "620102"), "If-Match": '"1"'},
        )  # fmt: skip
    assert answer.status_code == 200, answer.text
    # when a third household, in 620104, is approved with the same person
    third = replace(second, case_id="dup-3", village="620104001001", account=ids.account())
    await _feed(supervision, third)
    # then every county involved sees one alert, naming the three households
    for county in ("620102", "620103", "620104"):
        alerts = await _alerts(supervision, county, "duplicate_id")
        assert len(alerts) == 1, (county, alerts)
        assert alerts[0]["case_ids"] == [first.case_id, "dup-2", "dup-3"]
        assert alerts[0]["evidence"]["households"] == 3
        assert alerts[0]["division_code"] == county
        assert person["resident_id"] not in str(alerts[0])
    # and the alert taken in hand stays acknowledged, one version on, and still loads
    [mine] = await _alerts(supervision, "620102", "duplicate_id")
    assert (mine["status"], mine["version"]) == ("acknowledged", 3)
    async with supervision.client() as client:
        answer = await client.get(
            f"/v1/alerts/{mine['alert_id']}",
            headers=supervision.headers("county_officer", "620102"),
        )  # fmt: skip
    assert answer.status_code == 200 and answer.headers["ETag"] == '"3"', answer.text
    # and a county not involved sees none
    assert await _alerts(supervision, "620105", "duplicate_id") == []


@pytest.mark.req("SUP-3")
async def test_a_shared_account_alert_follows_later_households_and_changed_accounts(
    supervision: Supervision,
) -> None:
    ids = Ids()
    base = clean_population(ids, 1)[0]
    shared = ids.account()
    one, two, three, later = (
        replace(base, case_id=f"acct-{n}", members=[{**base.members[0],
                "resident_id": ids.resident()}], account=shared, account_holder=None)
        for n in range(1, 5)
    )  # fmt: skip
    later = replace(later, account=ids.account())  # approved with an account of its own
    # given two households paid into one account: one alert
    for household in (one, two):
        await _feed(supervision, household)
    alerts = await _alerts(supervision, "620102", "redistribution")
    assert [a["case_ids"] for a in alerts] == [["acct-1", "acct-2"]]
    # when a third household is approved with that account
    await _feed(supervision, three)
    # and a fourth, approved with its own, has its account changed to it after approval
    await _feed(supervision, later)
    changed = BankAccountChanged(case_id="acct-4", programme=later.programme,
                                 bank_account=shared,
                                 bank_account_masked=mask_bank_account(shared))  # fmt: skip
    await supervision.feed(changed.TYPE, changed.model_dump(mode="json"))
    # then the one alert names the four households
    alerts = await _alerts(supervision, "620102", "redistribution")
    assert len(alerts) == 1, alerts
    assert alerts[0]["case_ids"] == ["acct-1", "acct-2", "acct-3", "acct-4"]
    assert alerts[0]["evidence"]["households"] == 4
    assert alerts[0]["evidence"]["bank_account_masked"] == mask_bank_account(shared)
    assert shared not in str(alerts[0])
