"""Intake end to end: real processes, real PostgreSQL and broker, real tokens (INT-1 … INT-10)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from shared.identity import check_char
from tests.e2e.conftest import OwnStack
from tests.e2e.services import RunningServices, stack_day
from tests.support import eventually

TOWNSHIP = "620102001"
OTHER_TOWNSHIP = "620103001"
CATALOGUE = [
    "urban_dibao", "rural_dibao", "extreme_poverty", "temporary_assistance", "medical_assistance",
    "disease_emergency", "disaster_relief", "education_assistance", "housing_assistance",
    "employment_assistance", "disability_subsidies", "elderly_subsidy", "children_in_difficulty",
    "vagrant_assistance",
]  # fmt: skip


def _valid_id(first17: str) -> str:
    return first17 + check_char(first17)


HEAD = _valid_id("62010219560203002")
SPOUSE = _valid_id("62010219580405003")
NEIGHBOUR = _valid_id("62010319600607004")


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """All four services as separate processes."""
    with own_stack("e2e-intake") as running:
        yield running


def application(head: str, *others: str, **changes: Any) -> dict[str, Any]:
    """An application of `head`'s household (others as spouse)."""
    members = [{"resident_id": head, "name": "马秀英", "relation": "self"}]
    members += [{"resident_id": o, "name": "马建军", "relation": "spouse"} for o in others]
    base = {
        "division_code": TOWNSHIP,
        "registration": "urban",
        "programmes": ["urban_dibao"],
        "members": members,
        "declared_monthly_income_fen": 30_000,
        "declared_assets_fen": 0,
        "authorisation": {
            "signed_by_resident_id": head,
            "signed_on": stack_day(-15),
            "document_ref": "城关区-授权-e2e",
        },
    }
    return {**base, **changes}


def post_headers(
    services: RunningServices, role: str, division: str, **extra: str
) -> dict[str, str]:
    return {**services.auth(role, division), "Idempotency-Key": str(uuid.uuid4()), **extra}


async def trail_types(
    client: httpx.AsyncClient, services: RunningServices, case_id: str
) -> set[str]:
    answer = await client.get(
        f"{services.urls['supervision']}/v1/cases/{case_id}/audit-trail",
        headers=services.auth("inspector", "6201"),
    )
    return {e["type"] for e in answer.json()["entries"]} if answer.status_code == 200 else set()


@pytest.mark.req("INT-1", "INT-4", "INT-9", "INT-10", "GEN-4")
async def test_one_door_routes_every_programme_registers_relatives_and_refuses_duplicates(
    services: RunningServices,
) -> None:
    intake = services.urls["intake"]
    async with httpx.AsyncClient(timeout=10) as client:
        await services.wait_until_healthy(client)
        # given a household asking for every programme of the catalogue, a cadre's relative
        declared = {
            "member_resident_id": SPOUSE, "official_name": "马国强",
            "official_role": "township_cadre", "official_org": "某街道办事处", "kinship": "sibling",
        }  # fmt: skip
        created = await client.post(
            f"{intake}/v1/applications",
            json=application(HEAD, SPOUSE, programmes=CATALOGUE, staff_relatives=[declared]),
            headers=post_headers(services, "township_officer", TOWNSHIP),
        )
        assert created.status_code == 201, created.text
        case_id = created.json()["application_id"]
        # when the same person asks for dibao again in another district
        duplicate = await client.post(
            f"{intake}/v1/applications",
            json=application(HEAD, division_code=OTHER_TOWNSHIP),
            headers=post_headers(services, "township_officer", OTHER_TOWNSHIP),
        )
        # and a neighbour's household declares the spouse as its member
        second_home = await client.post(
            f"{intake}/v1/applications",
            json=application(NEIGHBOUR, SPOUSE, division_code=OTHER_TOWNSHIP),
            headers=post_headers(services, "township_officer", OTHER_TOWNSHIP),
        )
        # then both are refused with their codes
        assert (
            duplicate.status_code == 409
            and duplicate.json()["code"] == "duplicate-open-application"
        )
        assert second_home.json()["code"] == "member-in-another-household"

        # and every programme is routed, the relative registered, the conflict flagged, all in
        # supervision's audit trail of the case
        async def trail_complete() -> bool:
            types = await trail_types(client, services, case_id)
            return {
                "intake.ProgrammeRouted", "intake.StaffRelativeDeclared",
                "intake.HouseholdConflictFlagged", "verification.CaseOpened",
            } <= types  # fmt: skip

        await eventually(trail_complete, message="the audit trail never showed the routing")
        read = (
            await client.get(
                f"{intake}/v1/applications/{case_id}",
                headers=services.auth("county_officer", "620102"),
            )
        ).json()
        assert {r["programme"] for r in read["routes"]} == set(CATALOGUE)
        assert read["staff_relative"] is True
        register = await client.get(
            f"{intake}/v1/staff-relatives", headers=services.auth("county_officer", "620102")
        )
        assert [i["application_id"] for i in register.json()["items"]] == [case_id]


@pytest.mark.req("INT-5", "INT-6", "INT-7", "INT-8", "INT-3")
async def test_urgent_report_green_channel_charity_and_referral(services: RunningServices) -> None:
    intake = services.urls["intake"]
    async with httpx.AsyncClient(timeout=10) as client:
        await services.wait_until_healthy(client)
        # given a village committee's report of a person in urgent difficulty
        reported = await client.post(
            f"{intake}/v1/urgent-reports",
            json={"division_code": f"{TOWNSHIP}001", "reporter": "village_cadre",
                  "situation": "突发重病，家中无人照料", "household_size": 1},
            headers=post_headers(services, "village_committee", f"{TOWNSHIP}001"),
        )  # fmt: skip
        assert reported.status_code == 201, reported.text
        case_id = reported.json()["urgent_case_id"]
        officer = lambda version: post_headers(  # noqa: E731
            services, "township_officer", TOWNSHIP, **{"If-Match": f'"{version}"'}
        )
        base = f"{intake}/v1/urgent-cases/{case_id}"
        # when the township responds, grants prior assistance and refers the case to a charity
        responded = await client.post(
            f"{base}/response", json={"response": "已入户探视并送医"}, headers=officer(1)
        )
        # (the cap is 3 × the county's urban dibao standard, set through payments' API, INT-7)
        standard = await client.post(
            f"{services.urls['payments']}/v1/standards",
            json={"division_code": "620102", "programme": "urban_dibao",
                  "effective_from": f"{services.period(-12)}-01",
                  "monthly_per_person_fen": 70_000, "reason": "县城市低保标准"},
            headers=post_headers(services, "county_officer", "620102"),
        )  # fmt: skip
        assert standard.status_code == 201, standard.text
        answers: list[httpx.Response] = []

        async def granted_once_standard_known() -> bool:  # the standard reaches intake by Kafka
            answers.append(await client.post(
                f"{base}/prior-assistance",
                json={"programme": "disease_emergency", "amount_fen": 200_000,
                      "resident_id": HEAD, "follow_up_programmes": ["urban_dibao"],
                      "reason": "疾病应急先行救助"},
                headers=officer(2),
            ))  # fmt: skip
            return answers[-1].json().get("code") != "no-standard-in-force"

        await eventually(granted_once_standard_known, timeout=60, message="no standard in intake")
        granted = answers[-1]
        referred = await client.post(
            f"{base}/charity-referrals",
            json={"charity": "53620000MJ0000000X", "need": "住院自付费用"},
            headers=officer(3),
        )
        helped = await _charity_help(
            client, services, f"{base}/charity-referrals/{referred.json()['id']}/help"
        )
        assert [a.status_code for a in (responded, granted, referred, helped)] == [200] * 4
        # and an office refers a need to the county's education bureau, which acknowledges it
        referral = await client.post(
            f"{intake}/v1/referrals",
            json={"to_agency": "education", "to_division": "620102", "need": "子女就学困难"},
            headers=post_headers(services, "township_officer", TOWNSHIP),
        )
        acknowledged = await client.post(
            f"{intake}/v1/referrals/{referral.json()['referral_id']}/acknowledgement",
            json={"note": "已签收"},
            headers=post_headers(services, "partner_agency", "620102", **{"If-Match": '"1"'}),
        )
        assert (referral.status_code, acknowledged.status_code) == (201, 200)

        # then the urgent case shows both kinds of aid, and supervision sees the grant
        async def shows_aid() -> bool:
            answer = await client.get(base, headers=services.auth("township_officer", TOWNSHIP))
            body = answer.json() if answer.status_code == 200 else {}
            return body.get("charity_help_fen") == 500_000 and body.get("status") == "responded"

        await eventually(shows_aid, message="the urgent case never showed the aid")
        case = (await client.get(base, headers=services.auth("township_officer", TOWNSHIP))).json()
        assert case["prior_assistance_fen"] == 200_000

        async def audited() -> bool:
            return "intake.PriorAssistanceGranted" in await trail_types(client, services, case_id)

        await eventually(audited, message="supervision never saw the prior assistance")


async def _charity_help(
    client: httpx.AsyncClient, services: RunningServices, url: str
) -> httpx.Response:
    token = services.signer.mint("e2e-charity", "charity", "62", "53620000MJ0000000X")
    return await client.post(
        url,
        json={"amount_fen": 500_000, "description": "资助住院费用"},
        headers={
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": str(uuid.uuid4()),
            "If-Match": '"4"',
        },
    )


@pytest.mark.req("INT-2", "INT-3", "GEN-6", "GEN-7")
async def test_bad_input_gets_its_problem_and_leaves_nothing_behind(
    services: RunningServices,
) -> None:
    intake = services.urls["intake"]
    url = f"{intake}/v1/applications"
    async with httpx.AsyncClient(timeout=10) as client:
        await services.wait_until_healthy(client)
        county = services.auth("county_officer", "620102")
        before = (await client.get(f"{url}?limit=200", headers=county)).json()["items"]
        person = _valid_id("62010219700101005")
        expired = services.signer.mint("e2e-old", "township_officer", TOWNSHIP, "x", ttl_s=-600)
        wrong_digit = person[:-1] + ("0" if person[-1] != "0" else "1")
        attempts = {
            "wrong check digit": (
                application(wrong_digit),
                post_headers(services, "township_officer", TOWNSHIP),
            ),
            "unknown division": (
                application(person, division_code="629999001"),
                post_headers(services, "township_officer", TOWNSHIP),
            ),
            "village committee": (
                application(person),
                post_headers(services, "village_committee", f"{TOWNSHIP}001"),
            ),
            "expired token": (
                application(person),
                {"Authorization": f"Bearer {expired}", "Idempotency-Key": str(uuid.uuid4())},
            ),
            "outside jurisdiction": (
                application(person, division_code=OTHER_TOWNSHIP),
                post_headers(services, "township_officer", TOWNSHIP),
            ),
        }
        answers = {k: await client.post(url, json=b, headers=h) for k, (b, h) in attempts.items()}
        after = (await client.get(f"{url}?limit=200", headers=county)).json()["items"]
    codes = {k: (a.status_code, a.json()["code"]) for k, a in answers.items()}
    assert codes == {
        "wrong check digit": (422, "invalid-request"),
        "unknown division": (422, "invalid-request"),
        "village committee": (403, "village-committee-cannot-accept"),
        "expired token": (401, "unauthenticated"),
        "outside jurisdiction": (403, "out-of-jurisdiction"),
    }
    assert all(
        a.headers["content-type"].startswith("application/problem+json") for a in answers.values()
    )
    assert all(a.json()["title_zh"] and a.json()["detail_zh"] for a in answers.values())
    assert answers["wrong check digit"].json()["errors"][0]["field"] == "body.members.0.resident_id"
    assert wrong_digit not in answers["wrong check digit"].text
    assert len(after) == len(before)
