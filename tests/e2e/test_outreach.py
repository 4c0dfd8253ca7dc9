"""Outreach end to end on the shared stack, through the public APIs only (INT-11): a township's
visit campaign whose visit finds a need referred on the INT-5 clock; a rough sleeper who cannot
be identified, helped three times at a winter shelter and identified later, whose help then shows
in their history; bad input named and nothing written; who they are never in clear on the public
topic. This module keeps to 七里河区 (620103)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx
import pytest

from clients.intake.api.outreach import (
    get_visit_campaign,
    list_campaign_visits,
    plan_visit_campaign,
    record_campaign_visit,
)
from clients.intake.api.referrals import acknowledge_referral, get_referral
from clients.intake.api.rough_sleepers import (
    close_aid_point,
    get_rough_sleeper,
    identify_rough_sleeper,
    list_help_history,
    open_aid_point,
    record_rough_sleeper_help,
    register_rough_sleeper,
)
from shared.identity import check_char
from tests.e2e.bus import read_all
from tests.e2e.flows import Answer, Clerk, monthly_figure
from tests.e2e.services import RunningServices
from tests.support import eventually

COUNTY = "620103"  # 兰州市七里河区: this module's own county on the shared stack
TOWNSHIP = "620103001"
OTHER_TOWNSHIP = "620103002"
APPEARANCE = "男，约六十岁，身材瘦高，灰色军大衣，左手缠白色绷带"
STATED_NAME = "马长贵"


def resident(sequence: int) -> str:
    """A valid resident ID of 七里河区 born in 1956, distinct per sequence number."""
    first17 = f"62010319560203{sequence:03d}"
    return first17 + check_char(first17)


class Office(Clerk):
    """An officer of 七里河区 on the intake service."""

    def __init__(
        self, stack: RunningServices, client: httpx.AsyncClient, role: str, division: str
    ) -> None:
        super().__init__(stack, client, "intake", role, division)

    async def created(self, operation: ModuleType, **arguments: Any) -> dict[str, Any]:
        """A creating operation that must create; the answer's body and its ETag."""
        answer = await self.call(operation, **arguments)
        assert answer.status_code == 201, answer.text
        return {**answer.json(), "etag": answer.headers.get("ETag")}

    async def visible(
        self,
        operation: ModuleType,
        ready: Callable[[dict[str, Any]], Any] = lambda body: True,
        **arguments: Any,
    ) -> dict[str, Any]:
        """Read until the read model shows the resource (and `ready` holds); its body."""
        found: dict[str, Any] = {}

        async def shown() -> bool:
            answer = await self.call(operation, **arguments)
            found.update(answer.json() if answer.status_code == 200 else {})
            return answer.status_code == 200 and bool(ready(found))

        name = operation.__name__.rsplit(".", 1)[-1]
        await eventually(shown, timeout=30, message=f"{name} {arguments} never showed")
        return found


def campaign_body(stack: RunningServices) -> dict[str, Any]:
    return {
        "division_code": TOWNSHIP, "title": "七里河区春季走访慰问困难群众",
        "groups": ["dibao_household", "poor_disabled_person"],
        "starts_on": stack.day(-5), "ends_on": stack.day(25),
    }  # fmt: skip


def shelter_body(stack: RunningServices, kind: str, start: int, end: int) -> dict[str, Any]:
    return {
        "division_code": COUNTY, "kind": "temporary_shelter",
        "label": f"七里河区临时庇护所（{kind}）", "location": "七里河区救助管理站一楼",
        "seasons": [{"kind": kind, "starts_on": stack.day(start), "ends_on": stack.day(end)}],
    }  # fmt: skip


@pytest.mark.req("INT-11", "INT-5")
async def test_a_visit_that_finds_a_need_refers_it_on_the_working_day_clock(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        township = Office(stack, client, "township_officer", TOWNSHIP)
        medical_office = Office(stack, client, "county_officer", COUNTY)
        # given a township's campaign for dibao households and poor disabled persons
        campaign = await township.created(plan_visit_campaign, body=campaign_body(stack))
        # when a visit to a poor disabled person finds a need it refers, and one met on the spot
        visited = await township.created(
            record_campaign_visit, campaign_id=campaign["campaign_id"],
            body={"resident_id": resident(1), "group": "poor_disabled_person",
                  "visited_on": stack.day(0), "help_given": "送去米、面、油和慰问金",
                  "needs": [
                      {"arrangement": "referral", "need": "康复辅具损坏，需申请适配",
                       "to_agency": "disabled_persons_federation", "to_division": COUNTY},
                      {"arrangement": "on_site", "need": "取暖煤不足",
                       "help": "协调社区送煤300公斤"},
                  ]},
        )  # fmt: skip
        referral_id = visited["needs"][0]["referral_id"]
        assert visited["needs"][1]["arrangement"] == "on_site"
        assert visited["resident_id_masked"] != resident(1)
        # then the referral follows INT-5: due two working days after the visit (the stack's
        # Wednesday: the Friday), visible through the referrals API to the receiving office
        referral = await medical_office.visible(get_referral, referral_id=referral_id)
        assert (referral["received_on"], referral["acknowledge_by"]) == (stack.day(0), stack.day(2))
        assert (referral["to_agency"], referral["status"]) == (
            "disabled_persons_federation",
            "open",
        )
        # and the receiver acknowledges it with its version
        etag = (await medical_office.call(get_referral, referral_id=referral_id)).headers["ETag"]
        taken = await medical_office.call(
            acknowledge_referral, referral_id=referral_id, etag=etag,
            body={"note": "已签收，安排上门评估"},
        )  # fmt: skip
        assert taken.status_code == 200, taken.text
        await medical_office.visible(
            get_referral, lambda r: r["status"] == "acknowledged", referral_id=referral_id
        )
        # and the campaign counts the visit, its needs and its referral
        counted = await township.visible(
            get_visit_campaign, lambda c: c["visits"] == 1, campaign_id=campaign["campaign_id"]
        )
        assert (counted["needs_found"], counted["referrals"], counted["applications"]) == (2, 1, 0)
        # and the province's statistics of the month count the visit (SUP-8)
        await monthly_figure(stack, client, COUNTY, "outreach_visits", 1)


@pytest.mark.req("INT-11")
async def test_an_unidentified_rough_sleeper_helped_three_times_joins_their_history_once_named(
    stack: RunningServices,
) -> None:
    person = resident(2)
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        county = Office(stack, client, "county_officer", COUNTY)
        township = Office(stack, client, "township_officer", TOWNSHIP)
        # given the county's winter shelter (避寒), open from 100 days ago to 5 days ahead
        shelter = await county.created(open_aid_point, body=shelter_body(stack, "cold", -100, 5))
        # and a man met sleeping rough who cannot be identified: described and placed
        unknown = await township.created(
            register_rough_sleeper,
            body={"division_code": TOWNSHIP, "appearance": APPEARANCE,
                  "found_address": "七里河区西站十字地下通道", "stated_name": STATED_NAME},
        )  # fmt: skip
        assert unknown["identified"] is False and unknown["person_id"] is None
        # and an earlier record of the same person, met by resident ID in another township
        known = await county.created(
            register_rough_sleeper, body={"division_code": OTHER_TOWNSHIP, "resident_id": person}
        )
        await _helped(county, known, shelter["aid_point_id"], stack.day(-3), ["food"])
        # when the shelter helps the unidentified man three times
        etag = unknown["etag"]
        for days_ago in (2, 1, 0):
            day, kinds = stack.day(-days_ago), ["food", "clothing", "cold_shelter"]
            etag = await _helped(
                county, {**unknown, "etag": etag}, shelter["aid_point_id"], day, kinds
            )
        # and he is identified later
        named = await township.call(
            identify_rough_sleeper, record_id=unknown["record_id"], etag=etag,
            body={"resident_id": person, "reason": "经公安机关协助比对确认身份"},
        )  # fmt: skip
        assert named.status_code == 200, named.text
        person_id = named.json()["person_id"]
        # then the four acts of help, of both records, are the person's history, oldest first
        history = await county.visible(
            list_help_history, lambda h: len(h["items"]) == 4, person_id=person_id
        )
        assert [(h["record_id"], h["given_on"]) for h in history["items"]] == [
            (known["record_id"], stack.day(-3)),
            *((unknown["record_id"], stack.day(-d)) for d in (2, 1, 0)),
        ]
        assert history["items"][1]["kinds"] == ["food", "clothing", "cold_shelter"]
        # and the record names the person by pseudonym, the resident ID masked, never in clear
        record = await township.visible(
            get_rough_sleeper, lambda r: r["identified"], record_id=unknown["record_id"]
        )
        assert record["person_id"] == person_id and record["resident_id_masked"] != person
        assert person not in str(history) + str(record) + named.text
        # and the province's statistics of the month count the four acts of help (SUP-8)
        await monthly_figure(stack, client, COUNTY, "rough_sleeper_help", 4)
    await _not_in_clear_on_the_public_topic(stack, person, [APPEARANCE, STATED_NAME])


async def _helped(office: Office, record: dict[str, Any], point: str, day: str,
                  kinds: list[str]) -> str:  # fmt: skip
    """Help at the point on the day; the record's new ETag."""
    answer = await office.call(
        record_rough_sleeper_help, record_id=record["record_id"], etag=record["etag"],
        body={"aid_point_id": point, "kinds": kinds, "given_on": day},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    return str(answer.headers["ETag"])


async def _not_in_clear_on_the_public_topic(
    stack: RunningServices, person: str, texts: list[str]
) -> None:
    namespace, bootstrap = stack.env["KAFKA_TOPIC_NAMESPACE"], stack.env["KAFKA_BOOTSTRAP_SERVERS"]

    async def published() -> bool:
        public = await read_all(bootstrap, f"{namespace}.intake.events")
        return any(b"RoughSleeperIdentified" in record for record in public)

    await eventually(published, timeout=60, message="the identification never got published")
    internal = await read_all(bootstrap, f"{namespace}.intake.internal")
    public = await read_all(bootstrap, f"{namespace}.intake.events")
    for secret in [person, *texts]:
        assert any(secret.encode() in record for record in internal), secret
        assert not any(secret.encode() in record for record in public), secret


@pytest.mark.req("INT-11")
async def test_bad_outreach_input_is_refused_naming_the_field_and_writes_nothing(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        county = Office(stack, client, "county_officer", COUNTY)
        township = Office(stack, client, "township_officer", TOWNSHIP)
        winter = await county.created(open_aid_point, body=shelter_body(stack, "cold", -30, 30))
        summer = await county.created(open_aid_point, body=shelter_body(stack, "heat", 80, 170))
        closing = await county.created(open_aid_point, body=shelter_body(stack, "cold", -30, 30))
        closed = await county.call(
            close_aid_point, aid_point_id=closing["aid_point_id"], etag=closing["etag"],
            body={"reason": "场所改建"},
        )  # fmt: skip
        assert closed.status_code == 200, closed.text
        record = await township.created(
            register_rough_sleeper, body={"division_code": TOWNSHIP, "resident_id": resident(3)}
        )
        # when help is recorded out of season, at a closed point, or of a shelter out of season
        refusals = {
            ("aid-point-out-of-season", "given_on"): (summer, ["food"]),
            ("aid-point-closed", "aid_point_id"): (closing, ["food"]),
            ("shelter-out-of-season", "kinds"): (winter, ["heat_shelter"]),
        }
        for (code, field), (point, kinds) in refusals.items():
            answer = await county.call(
                record_rough_sleeper_help, record_id=record["record_id"], etag=record["etag"],
                body={"aid_point_id": point["aid_point_id"], "kinds": kinds},
            )  # fmt: skip
            assert answer.status_code in (409, 422), answer.text
            assert answer.headers["content-type"].startswith("application/problem+json")
            assert (answer.json()["code"], answer.json()["field"]) == (code, field)
        # and an unidentified person is recorded without a description
        undescribed = await township.call(
            register_rough_sleeper, body={"division_code": TOWNSHIP, "found_address": "七里河桥下"}
        )
        assert undescribed.status_code == 422
        assert (undescribed.json()["code"], undescribed.json()["field"]) == (
            "unidentified-person-needs-description", "appearance"
        )  # fmt: skip
        # then nothing was written: the record is still at its first version (If-Match holds)
        await _helped(county, record, winter["aid_point_id"], stack.day(0), ["food"])
        await _bad_visits_write_nothing(stack, township)


async def _bad_visits_write_nothing(stack: RunningServices, township: Office) -> None:
    campaign = await township.created(plan_visit_campaign, body=campaign_body(stack))
    campaign_id = campaign["campaign_id"]
    referred = {"arrangement": "referral", "need": "住房漏雨",
                "to_agency": "housing_and_construction", "to_division": COUNTY}  # fmt: skip
    good = {"resident_id": resident(4), "group": "dibao_household", "visited_on": stack.day(0),
            "needs": [referred]}  # fmt: skip
    bad_id = resident(5)[:-1] + ("0" if resident(5)[-1] != "0" else "1")  # wrong check digit
    unlisted = {"group": "retired_cadre"}  # a group the document does not list
    refused = [
        (unlisted, "invalid-request", "group"),
        ({"group": "extreme_poverty_person"}, "group-not-in-campaign", "group"),
        ({"visited_on": stack.day(-6)}, "visit-outside-campaign-period", "visited_on"),
        ({"resident_id": bad_id}, "invalid-request", "resident_id"),
    ]
    for change, code, field in refused:
        visit = _unlisted_visit if change is unlisted else _visit
        answer = await visit(township, campaign_id, {**good, **change})
        assert (answer.status_code, answer.json()["code"]) == (422, code), answer.text
        named = answer.json().get("field") or answer.json()["errors"][0]["field"]
        assert named.endswith(field), answer.json()
    # a good visit afterwards is the campaign's only one, with its only referral
    assert (await _visit(township, campaign_id, good)).status_code == 201
    counted = await township.visible(
        get_visit_campaign, lambda c: c["visits"] >= 1, campaign_id=campaign_id
    )
    assert (counted["visits"], counted["referrals"]) == (1, 1)
    visits = await township.call(list_campaign_visits, campaign_id=campaign_id)
    assert len(visits.json()["items"]) == 1


async def _visit(township: Office, campaign_id: str, body: dict[str, Any]) -> Answer:
    """A visit of the campaign, recorded through the generated client."""
    return await township.call(record_campaign_visit, campaign_id=campaign_id, body=body)


async def _unlisted_visit(
    township: Office, campaign_id: str, body: dict[str, Any]
) -> httpx.Response:
    """A visit whose body the document forbids (a group it does not list cannot become the
    generated model): sent raw, through the generated client's own httpx client (base URL and
    token set), to prove the service refuses it naming the field."""
    raw = township.api.get_async_httpx_client()
    return await raw.post(
        f"/v1/visit-campaigns/{campaign_id}/visits",
        json=body,
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
