"""SUP-3 on the real PostgreSQL: each detector finds its planted case and is quiet on clean data."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from datetime import timedelta

import pytest

from shared.privacy import pseudonym
from tests.supervision.integration.conftest import Supervision
from tests.supervision.integration.population import (
    LAST,
    PERIOD,
    Household,
    Ids,
    clean_population,
)
from tests.support import first_day, months_from

CLEAN_HOUSEHOLDS = 150


async def _feed_household(supervision: Supervision, household: Household) -> None:
    for type_, data in household.events():
        await supervision.feed(type_, data)


async def _alerts(supervision: Supervision, division: str = "62") -> list[dict]:
    await supervision.catch_up()
    async with supervision.client() as client:
        answer = await client.get(
            "/v1/alerts",
            params={"limit": 200},
            headers=supervision.headers("province_officer" if division == "62" else "inspector",
                                        division),
        )  # fmt: skip
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


async def _register_staff(supervision: Supervision, staff_id: str, relative_id: str) -> None:
    async with supervision.client() as client:
        answer = await client.post(
            "/v1/staff-registry",
            json={"resident_id": staff_id, "name": "王主任", "org": "某街道办事处",
                  "role": "民政助理员", "division_code": "620102001",
                  "relatives": [{"resident_id": relative_id, "kinship": "兄弟"}]},
            headers=supervision.headers("county_officer", "620102"),
        )  # fmt: skip
    assert answer.status_code == 201, answer.text
    stream = f"staff-{answer.json()['staff_key']}"
    await supervision.detect(await supervision.runtime.store.read_stream(stream))


@pytest.mark.req("SUP-3")
async def test_a_clean_generated_population_raises_no_alert(supervision: Supervision) -> None:
    # given a generated population: own accounts and IDs, amounts that follow incomes,
    # account holders who are members of their household (or not recorded),
    # staff whose relatives are not beneficiaries or were declared at intake
    ids = Ids()
    population = clean_population(ids, CLEAN_HOUSEHOLDS)
    declared = population[3].members[0]["resident_id"]
    await supervision.feed(
        "intake.StaffRelativeDeclared",
        {"application_id": population[3].case_id, "division_code": "620102001",
         "member_resident_id": declared, "official_name": "王主任",
         "official_role": "civil_affairs_staff", "official_org": "某街道", "kinship": "sibling"},
    )  # fmt: skip
    await _register_staff(supervision, ids.resident(), declared)
    await _register_staff(supervision, ids.resident(), ids.resident())
    # and a rural village whose households are all class 2 and so all get the class amount
    population += [
        replace(population[0], case_id=f"class2-{n}", village="620102001098",
                members=_people(ids, 1), income_fen=5_000 * n, amount_fen=35_000,
                rural_class=2, account=ids.account())
        for n in range(6)
    ]  # fmt: skip
    # when every household's events pass through the detectors
    for household in population:
        await _feed_household(supervision, household)
    # then not one alert is raised (false positives: 0 of 150 households)
    alerts = await _alerts(supervision)
    print(f"SUP-3 false positives on {CLEAN_HOUSEHOLDS} clean households: {len(alerts)}")
    assert alerts == []


@pytest.mark.req("SUP-3")
async def test_each_detector_finds_its_planted_case_among_clean_households(
    supervision: Supervision,
) -> None:
    ids = Ids()
    clean = clean_population(ids, 40, seed=11)
    for household in clean:
        await _feed_household(supervision, household)
    base = clean[0]

    # given 二次分配: a second household paid into the account of clean-0001
    shared_account = replace(base, case_id="plant-account", members=_people(ids, 1),
                             account=clean[1].account)  # fmt: skip
    # and 平均保: five households of one village all on 30,000 fen although incomes differ
    village = [
        replace(base, case_id=f"plant-avg-{n}", village="620102001099", members=_people(ids, 2),
                income_fen=10_000 * n, amount_fen=30_000, account=ids.account())
        for n in range(5)
    ]  # fmt: skip
    # and 虚报冒领: a person already in clean-0002's household approved again in another one
    duplicate = replace(base, case_id="plant-dup", account=ids.account(),
                        members=[{**clean[2].members[0], "relation": "self"}])  # fmt: skip
    # and a recipient reported dead, still paid for next month
    dead = replace(base, case_id="plant-dead", members=_people(ids, 1), account=ids.account(),
                   periods=[months_from(PERIOD, 1)])  # fmt: skip
    # and a household terminated from last month, then paid for last month and this one
    ended = replace(base, case_id="plant-ended", members=_people(ids, 1), account=ids.account(),
                    periods=[])  # fmt: skip
    # and a beneficiary owning a car, and a staff member's undeclared brother
    car = replace(base, case_id="plant-car", members=_people(ids, 1), account=ids.account())
    brother = replace(base, case_id="plant-brother", members=_people(ids, 1), account=ids.account())
    for household in (shared_account, *village, duplicate, ended, car, brother):
        await _feed_household(supervision, household)
    await supervision.feed("verification.EvidenceRecorded", {
        **_evidence(dead), "source": "household_registration", "deceased": True})  # fmt: skip
    await _feed_household(supervision, dead)
    await supervision.feed("verification.BenefitTerminated", {
        "case_id": "plant-ended", "programme": "urban_dibao", "effective_from": first_day(LAST),
        "reason": "收入超标"})  # fmt: skip
    after = (supervision.clock.now() + timedelta(hours=1)).isoformat()
    for period in (LAST, PERIOD):
        await supervision.feed("payments.PaymentSettled", {
            **ended.payment(period), "settled_at": after})  # fmt: skip
    await supervision.feed("verification.EvidenceRecorded", {
        **_evidence(car), "source": "vehicles", "assets_fen": 8_000_000})  # fmt: skip
    await _register_staff(supervision, ids.resident(), brother.members[0]["resident_id"])

    # then each detector raised exactly its planted case, with evidence, and nothing else
    alerts = await _alerts(supervision)
    found = {(a["detector"], tuple(a["case_ids"])) for a in alerts}
    assert found == {
        ("redistribution", ("clean-0001", "plant-account")),
        ("averaging", tuple(f"plant-avg-{n}" for n in range(5))),
        ("duplicate_id", ("clean-0002", "plant-dup")),
        ("paid_after_death", ("plant-dead",)),
        ("paid_after_termination", ("plant-ended",)),
        ("undeclared_assets", ("plant-car",)),
        ("favouritism", ("plant-brother",)),
    }, found
    assert Counter(a["detector"] for a in alerts)["paid_after_termination"] == 2  # LAST and PERIOD
    by_detector = {a["detector"]: a for a in alerts}
    assert by_detector["redistribution"]["evidence"]["bank_account_masked"].endswith(
        clean[1].account[-4:]
    )
    assert "triggered_by" in by_detector["averaging"]["evidence"]
    assert all(ids_ok(a) for a in alerts)
    # and alerts are scoped: another county sees none
    assert await _alerts(supervision, "620103") == []


@pytest.mark.req("SUP-3")
async def test_an_account_held_outside_the_household_raises_one_redistribution_alert(
    supervision: Supervision,
) -> None:
    ids = Ids()
    clean = clean_population(ids, 20, seed=5)
    assert any(h.account_holder for h in clean) and any(not h.account_holder for h in clean)
    # given clean households whose holders are members or unknown
    for household in clean:
        await _feed_household(supervision, household)
    # and 二次分配: a household paid into an account held by someone outside it,
    # approved for two programmes (the alert is about the household, raised once)
    outsider = ids.resident()
    planted = replace(clean[0], case_id="plant-holder", members=_people(ids, 2),
                      account=ids.account(), account_holder=outsider)  # fmt: skip
    await _feed_household(supervision, planted)
    await _feed_household(supervision, replace(planted, programme="extreme_poverty"))
    # and a household whose holder is its second member (not the head) is not irregular
    members = _people(ids, 2)
    await _feed_household(supervision, replace(
        clean[0], case_id="holder-child", members=members, account=ids.account(),
        account_holder=members[1]["resident_id"].lower()))  # fmt: skip
    # then exactly one alert: the planted household, with masked evidence
    alerts = await _alerts(supervision)
    assert [(a["detector"], a["case_ids"]) for a in alerts] == [
        ("redistribution", ["plant-holder"])
    ]
    evidence = alerts[0]["evidence"]
    assert evidence["kind"] == "account_holder_outside_household"
    assert evidence["account_holder_resident_id_masked"] == outsider[:3] + "*" * 11 + outsider[-4:]
    assert evidence["bank_account_masked"].endswith(planted.account[-4:])
    assert evidence["household_size"] == 2
    assert outsider not in str(alerts) and ids_ok(alerts[0])


def ids_ok(alert: dict) -> bool:
    """No full resident ID or account number appears in an alert."""
    text = str(alert)
    return not any(c.isdigit() and len(c) >= 16 for c in text.replace("'", " ").split())


def _people(ids: Ids, size: int) -> list[dict[str, str]]:
    return [
        {"resident_id": ids.resident(), "name": "某某", "relation": "self" if i == 0 else "child"}
        for i in range(size)
    ]


def _evidence(household: Household) -> dict:
    member = household.members[0]
    return {
        "case_id": household.case_id, "programme": household.programme,
        "resident_id": member["resident_id"], "monthly_income_fen": 0, "assets_fen": 0,
        "deceased": False, "reference": "ref", "obtained_by": "partner_api",
    }  # fmt: skip


@pytest.mark.req("SUP-3", "GEN-7")
async def test_detector_keys_are_keyed_pseudonyms_no_one_can_recompute(
    supervision: Supervision,
) -> None:
    ids = Ids()
    clean = clean_population(ids, 3, seed=5)
    for household in clean:
        await _feed_household(supervision, household)
    # given a person approved in a second household, and a staff member's undeclared brother
    person = clean[0].members[0]["resident_id"]
    duplicate = replace(clean[0], case_id="plant-dup", account=ids.account(),
                        members=[{**clean[0].members[0], "relation": "self"}])  # fmt: skip
    brother = replace(clean[1], case_id="plant-brother", members=_people(ids, 1),
                      account=ids.account())  # fmt: skip
    for household in (duplicate, brother):
        await _feed_household(supervision, household)
    staff, relative = ids.resident(), brother.members[0]["resident_id"]
    await _register_staff(supervision, staff, relative)
    raised = {a["detector"] for a in await _alerts(supervision)}
    assert {"duplicate_id", "favouritism"} <= raised
    # then what supervision records keys each person by its keyed pseudonym
    key = supervision.runtime.app.state.detector_key
    recorded = str(
        [
            (e.stream_id, e.data, e.metadata)
            for e in await supervision.runtime.store.read_all(0, 10_000)
        ]
    )
    for resident in (person, staff, relative):
        assert pseudonym(resident, key) in recorded
        # and never by the unkeyed hash that, with the masked ID beside it, gives the ID back
        unkeyed = hashlib.sha256(f"safetynet-detector|{resident}".encode()).hexdigest()
        assert (
            unkeyed not in recorded
            and hashlib.sha256(resident.encode()).hexdigest() not in recorded
        )
