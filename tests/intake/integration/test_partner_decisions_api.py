"""A programme routed to a partner agency is decided by that agency's role only (INT-4, GEN-6,
ADR 0032): the refusal comes before the body is read and writes nothing; the decision records
who, when, why, under which rule and how much."""

from __future__ import annotations

from typing import Any

import pytest

from tests.intake.conftest import TODAY, Intake, body

DECISION = {
    "outcome": "approved",
    "reason": "住院自付费用经核定，符合重特大疾病医疗救助条件",
    "policy_basis": "甘肃省医疗救助办法 第十二条",
    "amount_fen": 1_250_000,
}


async def _medical_application(intake: Intake) -> str:
    async with intake.client() as client:
        created = await client.post(
            "/v1/applications",
            json=body(programmes=["medical_assistance"], bank_account="6228480012345678901"),
            headers=intake.headers(),
        )
    assert created.status_code == 201, created.text
    return str(created.json()["application_id"])


async def _decide(
    intake: Intake, case_id: str, role: str, decision: Any, division: str = "620102"
) -> Any:
    async with intake.client() as client:
        return await client.post(
            f"/v1/applications/{case_id}/programmes/medical_assistance/decision",
            json=decision,
            headers=intake.headers(role, division, if_match=2),
        )


@pytest.mark.req("INT-4", "GEN-6")
async def test_another_partner_role_is_refused_before_the_body_is_read_and_nothing_written(
    intake: Intake,
) -> None:
    # given medical assistance routed to the county's health insurance bureau
    case_id = await _medical_application(intake)
    before = await intake.types()
    # when the education bureau decides it, even with a body that is not a decision at all
    education = await _decide(intake, case_id, "education_bureau", {"nonsense": True})
    # then it is refused 403, naming the role that decides medical assistance
    assert education.status_code == 403, education.text
    assert education.headers["content-type"].startswith("application/problem+json")
    assert education.json()["code"] == "not-the-competent-agency"
    assert education.json()["required_role"] == "health_insurance"
    # and a generic partner client is refused by the access table, told who decides what
    generic = await _decide(intake, case_id, "partner_agency", DECISION)
    assert (generic.status_code, generic.json()["code"]) == (403, "not-the-competent-agency")
    assert generic.json()["required_roles"]["medical_assistance"] == "health_insurance"
    # and a village committee gets INT-3's own refusal
    village = await _decide(intake, case_id, "village_committee", DECISION, "620102001001")
    assert village.json()["code"] == "village-committee-cannot-accept"
    # and nothing was written
    assert await intake.types() == before


@pytest.mark.req("INT-4", "GEN-8")
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"amount_fen": None}, "amount_fen"),
        ({"amount_fen": "1250000"}, "amount_fen"),
        ({"amount_fen": True}, "amount_fen"),
        ({"policy_basis": None}, "policy_basis"),
        ({"persons": 1}, "persons"),
        ({"amount_fen": 9_999_999_999_999}, "amount_fen"),  # ≈ ¥100 bn: no household's aid
    ],
)
async def test_a_decision_that_does_not_fit_its_programme_is_422_naming_the_field(
    intake: Intake, changes: dict[str, Any], field: str
) -> None:
    # given medical assistance awaiting the health insurance bureau
    case_id = await _medical_application(intake)
    before = await intake.types()
    decision = {k: v for k, v in {**DECISION, **changes}.items() if v is not None}
    # when its clerk leaves out the amount, sends it as text, or states persons
    answer = await _decide(intake, case_id, "health_insurance", decision)
    # then 422 names the field and nothing is written
    assert answer.status_code == 422, answer.text
    assert field in answer.text
    assert await intake.types() == before


@pytest.mark.req("INT-4", "GEN-4", "GEN-6")
async def test_the_health_insurance_clerk_decides_and_the_event_says_who_when_why_how_much(
    intake: Intake,
) -> None:
    # given medical assistance awaiting the health insurance bureau
    case_id = await _medical_application(intake)
    # when a clerk of another county's bureau tries, then one of the applicant's county decides
    foreign = await _decide(intake, case_id, "health_insurance", DECISION, "620103")
    decided = await _decide(intake, case_id, "health_insurance", DECISION)
    assert foreign.status_code == 403
    assert decided.status_code == 200, decided.text
    # then the decision records the clerk, the bureau, the day, the reason, the rule and the amount
    (event,) = await intake.events_of("intake.ProgrammeDecidedByAgency")
    data, actor = event["data"], event["metadata"]["actor"]
    assert (data["decided_by_role"], data["decided_by_org"], data["decided_on"]) == (
        "health_insurance", "城关区民政", TODAY.isoformat(),
    )  # fmt: skip
    assert data["decided_by_staff_id"] == actor["id"] == "client-health_insurance-620102"
    assert (data["reason"], data["policy_basis"], data["amount_fen"]) == (
        DECISION["reason"], DECISION["policy_basis"], 1_250_000,
    )  # fmt: skip
    assert (data["settlement"], data["bank_account"], data["payee_name"]) == (
        "one_off", "6228480012345678901", "张桂兰",
    )  # fmt: skip
    # and the application shows the programme decided
    await intake.caught_up()
    async with intake.client() as client:
        read = await client.get(f"/v1/applications/{case_id}", headers=intake.headers())
    assert [r["outcome"] for r in read.json()["routes"]] == ["approved"]


@pytest.mark.req("INT-4", "GEN-6", "GEN-7")
async def test_a_partner_department_reads_only_the_applications_it_decides(intake: Intake) -> None:
    # given a medical assistance application and a dibao one in the same county
    medical = await _medical_application(intake)
    async with intake.client() as client:
        dibao = await client.post(
            "/v1/applications",
            json=body(
                programmes=["urban_dibao"],
                members=[{"resident_id": "620102195001010013", "name": "赵六", "relation": "self"}],
                authorisation={
                    "signed_by_resident_id": "620102195001010013",
                    "signed_on": TODAY.isoformat(),
                    "document_ref": "授权-赵六",
                },
            ),
            headers=intake.headers(),
        )
        assert dibao.status_code == 201, dibao.text
        dibao_id = dibao.json()["application_id"]
        await intake.caught_up()
        # when the county's health insurance bureau and its education bureau list and read them
        listed = {
            role: await client.get("/v1/applications", headers=intake.headers(role, "620102"))
            for role in ("health_insurance", "education_bureau", "county_officer")
        }
        read = await client.get(
            f"/v1/applications/{dibao_id}", headers=intake.headers("health_insurance", "620102")
        )
    # then each department sees only what it decides, the county bureau everything
    ids = {role: [a["application_id"] for a in r.json()["items"]] for role, r in listed.items()}
    assert ids["health_insurance"] == [medical]
    assert ids["education_bureau"] == []
    assert set(ids["county_officer"]) == {medical, dibao_id}
    # and a dibao application is not found for the health insurance bureau
    assert read.status_code == 404, read.text


@pytest.mark.req("GEN-6", "GEN-7")
async def test_the_generic_partner_client_reads_no_application(intake: Intake) -> None:
    # given a medical assistance application in the county (ADR 0065)
    medical = await _medical_application(intake)
    await intake.caught_up()
    async with intake.client() as client:
        # when the county's generic partner client lists the county's applications and reads one
        headers = intake.headers("partner_agency", "620102")
        listed = await client.get("/v1/applications", headers=headers)
        read = await client.get(f"/v1/applications/{medical}", headers=headers)
    # then both are refused: it submits and decides none, so none is its business
    for answer in (listed, read):
        assert answer.status_code == 403, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.json()["code"] == "role-not-allowed"


@pytest.mark.req("INT-4", "GEN-8")
async def test_an_empty_if_match_is_malformed_not_absent(intake: Intake) -> None:
    case_id = await _medical_application(intake)
    before = await intake.types()
    headers = {**intake.headers("health_insurance", "620102"), "If-Match": ""}
    async with intake.client() as client:
        answer = await client.post(
            f"/v1/applications/{case_id}/programmes/medical_assistance/decision",
            json=DECISION,
            headers=headers,
        )
    assert answer.status_code == 400, answer.text
    assert answer.json()["code"] == "invalid-if-match"
    assert await intake.types() == before
