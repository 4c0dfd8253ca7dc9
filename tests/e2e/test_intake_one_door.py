"""Intake end to end: real processes, real PostgreSQL and broker, real tokens (INT-1 … INT-10)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from clients.intake.api.applications import (
    get_application,
    list_applications,
    submit_application,
)
from clients.intake.api.referrals import acknowledge_referral, create_referral
from clients.intake.api.routing import list_staff_relatives
from clients.intake.api.urgent_cases import (
    get_urgent_case,
    grant_prior_assistance,
    record_charity_help,
    refer_case_to_charity,
    report_urgent_case,
    respond_to_urgent_case,
)
from clients.payments.api.standards import set_standard
from clients.supervision.api.audit import get_case_audit_trail
from shared.identity import check_char
from tests.e2e.conftest import OwnStack
from tests.e2e.flows import Answer, Clerk, call, operation_client
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


async def trail_types(
    client: httpx.AsyncClient, services: RunningServices, case_id: str
) -> set[str]:
    inspector = Clerk(services, client, "supervision", "inspector", "6201")
    answer = await inspector.call(get_case_audit_trail, case_id=case_id)
    return {e["type"] for e in answer.json()["entries"]} if answer.status_code == 200 else set()


@pytest.mark.req("INT-1", "INT-4", "INT-9", "INT-10", "GEN-4")
async def test_one_door_routes_every_programme_registers_relatives_and_refuses_duplicates(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        await services.wait_until_healthy(client)
        township = Clerk(services, client, "intake", "township_officer", TOWNSHIP)
        other_township = Clerk(services, client, "intake", "township_officer", OTHER_TOWNSHIP)
        county = Clerk(services, client, "intake", "county_officer", "620102")
        # given a household asking for every programme of the catalogue, a cadre's relative
        declared = {
            "member_resident_id": SPOUSE, "official_name": "马国强",
            "official_role": "township_cadre", "official_org": "某街道办事处", "kinship": "sibling",
        }  # fmt: skip
        created = await township.call(
            submit_application,
            body=application(HEAD, SPOUSE, programmes=CATALOGUE, staff_relatives=[declared]),
        )
        assert created.status_code == 201, created.text
        case_id = created.json()["application_id"]
        # when the same person asks for dibao again in another district
        duplicate = await other_township.call(
            submit_application, body=application(HEAD, division_code=OTHER_TOWNSHIP)
        )
        # and a neighbour's household declares the spouse as its member
        second_home = await other_township.call(
            submit_application, body=application(NEIGHBOUR, SPOUSE, division_code=OTHER_TOWNSHIP)
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
        read = (await county.call(get_application, application_id=case_id)).json()
        assert {r["programme"] for r in read["routes"]} == set(CATALOGUE)
        assert read["staff_relative"] is True
        register = await county.call(list_staff_relatives)
        assert [i["application_id"] for i in register.json()["items"]] == [case_id]


@pytest.mark.req("INT-5", "INT-6", "INT-7", "INT-8", "INT-3")
async def test_urgent_report_green_channel_charity_and_referral(services: RunningServices) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        await services.wait_until_healthy(client)
        village = Clerk(services, client, "intake", "village_committee", f"{TOWNSHIP}001")
        township = Clerk(services, client, "intake", "township_officer", TOWNSHIP)
        # given a village committee's report of a person in urgent difficulty
        reported = await village.call(
            report_urgent_case,
            body={"division_code": f"{TOWNSHIP}001", "reporter": "village_cadre",
                  "situation": "突发重病，家中无人照料", "household_size": 1},
        )  # fmt: skip
        assert reported.status_code == 201, reported.text
        case_id = reported.json()["urgent_case_id"]
        # when the township responds, grants prior assistance and refers the case to a charity
        responded = await township.call(
            respond_to_urgent_case, case_id=case_id, etag='"1"',
            body={"response": "已入户探视并送医"},
        )  # fmt: skip
        # (the cap is 3 × the county's urban dibao standard, set through payments' API, INT-7)
        payments = Clerk(services, client, "payments", "county_officer", "620102")
        standard = await payments.call(
            set_standard,
            body={"division_code": "620102", "programme": "urban_dibao",
                  "effective_from": f"{services.period(-12)}-01",
                  "monthly_per_person_fen": 70_000, "reason": "县城市低保标准"},
        )  # fmt: skip
        assert standard.status_code == 201, standard.text
        answers: list[Answer] = []

        async def granted_once_standard_known() -> bool:  # the standard reaches intake by Kafka
            answers.append(await township.call(
                grant_prior_assistance, case_id=case_id, etag='"2"',
                body={"programme": "disease_emergency", "amount_fen": 200_000,
                      "resident_id": HEAD, "follow_up_programmes": ["urban_dibao"],
                      "reason": "疾病应急先行救助"},
            ))  # fmt: skip
            return answers[-1].json().get("code") != "no-standard-in-force"

        await eventually(granted_once_standard_known, timeout=60, message="no standard in intake")
        granted = answers[-1]
        referred = await township.call(
            refer_case_to_charity, case_id=case_id, etag='"3"',
            body={"charity": "53620000MJ0000000X", "need": "住院自付费用"},
        )  # fmt: skip
        helped = await _charity_help(services, case_id, referred.json()["id"])
        assert [a.status_code for a in (responded, granted, referred, helped)] == [200] * 4
        # and an office refers a need to the county's education bureau, which acknowledges it
        referral = await township.call(
            create_referral,
            body={"to_agency": "education", "to_division": "620102", "need": "子女就学困难"},
        )
        bureau = Clerk(services, client, "intake", "partner_agency", "620102")
        acknowledged = await bureau.call(
            acknowledge_referral, referral_id=referral.json()["referral_id"], etag='"1"',
            body={"note": "已签收"},
        )  # fmt: skip
        assert (referral.status_code, acknowledged.status_code) == (201, 200)

        # then the urgent case shows both kinds of aid, and supervision sees the grant
        async def shows_aid() -> bool:
            answer = await township.call(get_urgent_case, case_id=case_id)
            body = answer.json() if answer.status_code == 200 else {}
            return body.get("charity_help_fen") == 500_000 and body.get("status") == "responded"

        await eventually(shows_aid, message="the urgent case never showed the aid")
        case = (await township.call(get_urgent_case, case_id=case_id)).json()
        assert case["prior_assistance_fen"] == 200_000

        async def audited() -> bool:
            return "intake.PriorAssistanceGranted" in await trail_types(client, services, case_id)

        await eventually(audited, message="supervision never saw the prior assistance")


async def _charity_help(services: RunningServices, case_id: str, referral_id: str) -> Answer:
    """The charity records its help, with a token naming the charity."""
    token = services.signer.mint("e2e-charity", "charity", "62", "53620000MJ0000000X")
    return await call(
        operation_client(services, "intake", token), record_charity_help, etag='"4"',
        case_id=case_id, referral_id=referral_id,
        body={"amount_fen": 500_000, "description": "资助住院费用"},
    )  # fmt: skip


@pytest.mark.req("INT-2", "INT-3", "GEN-6", "GEN-7")
async def test_bad_input_gets_its_problem_and_leaves_nothing_behind(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        await services.wait_until_healthy(client)
        county = Clerk(services, client, "intake", "county_officer", "620102")
        before = (await county.call(list_applications, limit=200)).json()["items"]
        person = _valid_id("62010219700101005")
        expired = services.signer.mint("e2e-old", "township_officer", TOWNSHIP, "x", ttl_s=-600)
        wrong_digit = person[:-1] + ("0" if person[-1] != "0" else "1")
        township = operation_client(
            services, "intake", services.token("township_officer", TOWNSHIP)
        )
        village = operation_client(
            services, "intake", services.token("village_committee", f"{TOWNSHIP}001")
        )
        attempts = {
            "wrong check digit": (application(wrong_digit), township),
            "unknown division": (application(person, division_code="629999001"), township),
            "village committee": (application(person), village),
            "expired token": (application(person), operation_client(services, "intake", expired)),
            "outside jurisdiction": (application(person, division_code=OTHER_TOWNSHIP), township),
        }
        answers = {
            k: await call(api, submit_application, body=b) for k, (b, api) in attempts.items()
        }
        after = (await county.call(list_applications, limit=200)).json()["items"]
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
