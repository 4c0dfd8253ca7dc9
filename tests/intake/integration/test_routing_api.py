"""INT-4: one application, several programmes, each routed to its agency and tracked."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from tests.intake.conftest import FRIDAY_MORNING, Intake, body
from tests.intake.integration.verification_support import (
    approval_data,
    rejection_data,
    termination_data,
)

PROGRAMMES = ["urban_dibao", "education_assistance", "medical_assistance"]
MAJOR_DISEASE = {"medical_assistance": {"kind": "major_disease", "disease": "尿毒症"}}


def verification_event(type_name: str, case_id: str, data: dict[str, Any]) -> RecordedEvent:
    """A verification event as intake's consumer receives it (its contract's fields)."""
    return RecordedEvent(
        event_id=uuid.uuid4(),
        type=type_name,
        schema_version=1,
        stream_id=f"verification-{case_id}-{data['programme']}",
        stream_version=2,
        position=7,
        occurred_at=FRIDAY_MORNING,
        recorded_at=FRIDAY_MORNING,
        data=data,
        metadata=EventMetadata(
            Actor("county-1", "county_officer", "城关区民政局", "620102"),
            "api",
            "审批",
            None,
            None,
            case_id,
        ),
        prev_hash="0" * 64,
        hash="1" * 64,
    )


async def _submitted(intake: Intake, **changes: object) -> str:
    async with intake.client() as client:
        created = await client.post(
            "/v1/applications",
            json=body(programmes=PROGRAMMES, **changes),
            headers=intake.headers(),
        )
    assert created.status_code == 201, created.text
    return str(created.json()["application_id"])


@pytest.mark.req("INT-4", "INT-1")
async def test_each_requested_programme_is_routed_to_its_competent_agency(
    intake: Intake,
) -> None:
    # given a household asking for dibao, education and major-disease medical assistance
    case_id = await _submitted(intake, programme_details=MAJOR_DISEASE)
    # when the application is read back
    await intake.caught_up()
    async with intake.client() as client:
        read = (await client.get(f"/v1/applications/{case_id}", headers=intake.headers())).json()
    # then each programme went to its own agency and awaits its decision
    assert read["routes"] == [
        {"programme": "urban_dibao", "agency": "county_civil_affairs", "outcome": None,
         "details": {}},
        {"programme": "education_assistance", "agency": "education", "outcome": None,
         "details": {}},
        {"programme": "medical_assistance", "agency": "medical_assistance_office",
         "outcome": None, "details": MAJOR_DISEASE["medical_assistance"]},
    ]  # fmt: skip
    routed = await intake.events_of("intake.ProgrammeRouted")
    assert [e["data"]["competent_division"] for e in routed] == ["620102"] * 3
    assert all(e["metadata"]["case_id"] == case_id for e in routed)


@pytest.mark.req("INT-4", "INT-9", "GEN-8")
async def test_every_programme_is_tracked_until_decided(intake: Intake) -> None:
    # given an application with three programmes routed
    case_id = await _submitted(intake)
    url = f"/v1/applications/{case_id}/programmes"
    decision = {"outcome": "approved", "reason": "符合教育救助条件", "policy_basis": "教育救助办法"}
    async with intake.client() as client:
        # when verification approves dibao (its event reaches intake's consumer)
        approved = verification_event(
            "verification.CaseApproved", case_id, approval_data(case_id, "urban_dibao")
        )
        async with intake.runtime.engine.begin() as conn:
            await intake.runtime.handlers["intake.verification"](approved, conn)
        # then dibao cannot be decided a second time through the agency endpoint
        again = await client.post(
            f"{url}/urban_dibao/decision",
            json=decision,
            headers=intake.headers("education_bureau", "620102", if_match=5),
        )
        assert again.json()["code"] == "decided-by-verification"
        # and an agency decision needs If-Match (428) with the current version (412 if stale)
        agency = intake.headers("education_bureau", "620102")
        missing = await client.post(
            f"{url}/education_assistance/decision", json=decision, headers=agency
        )
        stale = await client.post(
            f"{url}/education_assistance/decision",
            json=decision,
            headers=intake.headers("education_bureau", "620102", if_match=1),
        )
        assert (missing.status_code, stale.status_code) == (428, 412)
        assert stale.json()["current_etag"] == '"5"'
        # when the education and medical agencies decide with the current version
        first = await client.post(
            f"{url}/education_assistance/decision",
            json=decision,
            headers=intake.headers("education_bureau", "620102", if_match=5),
        )
        second = await client.post(
            f"{url}/medical_assistance/decision",
            json={
                "outcome": "rejected",
                "reason": "已由医保全额报销",
                "policy_basis": "医疗救助办法",
            },
            headers=intake.headers("health_insurance", "620102", if_match=6),
        )
        assert (first.status_code, second.status_code) == (200, 200), second.text
        # and the household asks again for the rejected programme, for the one the education
        # bureau pays itself, and for dibao, whose benefit is active
        again = await client.post(
            "/v1/applications",
            json=body(programmes=["medical_assistance"]),
            headers=intake.headers(),
        )
        schooled = await client.post(
            "/v1/applications",
            json=body(programmes=["education_assistance"]),
            headers=intake.headers(),
        )
        still_held = await client.post(
            "/v1/applications", json=body(programmes=["urban_dibao"]), headers=intake.headers()
        )
        await intake.caught_up()
        read = (await client.get(f"/v1/applications/{case_id}", headers=intake.headers())).json()
    # then the rejection, and the approval SafetyNet holds no benefit of, freed their claims
    # while the active benefit still holds its own (INT-9)
    assert again.status_code == 201, again.text
    assert schooled.status_code == 201, schooled.text
    assert still_held.json()["code"] == "duplicate-open-application"
    # and every programme shows its outcome and the application is decided
    assert [r["outcome"] for r in read["routes"]] == ["approved", "approved", "rejected"]
    assert read["status"] == "decided"
    decided = await intake.events_of("intake.ProgrammeDecided")
    by_agencies = await intake.events_of("intake.ProgrammeDecidedByAgency")
    assert [e["data"]["decided_by"] for e in decided] == ["verification"]
    assert [(e["data"]["agency"], e["data"]["decided_by_role"]) for e in by_agencies] == [
        ("education", "education_bureau"),
        ("medical_assistance_office", "health_insurance"),
    ]
    assert all(e["metadata"]["reason"] for e in decided + by_agencies)
    assert decided[0]["metadata"]["causation_id"] == str(approved.event_id)


@pytest.mark.req("INT-4")
async def test_a_redelivered_verification_decision_changes_nothing(intake: Intake) -> None:
    # given verification's rejection already tracked
    case_id = await _submitted(intake)
    rejected = verification_event(
        "verification.CaseRejected",
        case_id,
        rejection_data(case_id, "urban_dibao", reason="收入高于标准"),
    )
    handler = intake.runtime.handlers["intake.verification"]
    async with intake.runtime.engine.begin() as conn:
        await handler(rejected, conn)
    # when the same decision arrives again
    async with intake.runtime.engine.begin() as conn:
        await handler(rejected, conn)
    # then it was tracked once, with verification's reason
    decided = await intake.events_of("intake.ProgrammeDecided")
    assert len(decided) == 1
    assert decided[0]["data"]["reason"] == "收入高于标准"


@pytest.mark.req("INT-9")
async def test_a_benefit_that_ended_frees_the_programme_for_a_new_application(
    intake: Intake,
) -> None:
    # given dibao approved by verification: the benefit holds the person's claim
    async with intake.client() as client:
        created = await client.post("/v1/applications", json=body(), headers=intake.headers())
    case_id = str(created.json()["application_id"])
    handler = intake.runtime.handlers["intake.verification"]
    approved = approval_data(case_id, "urban_dibao")
    async with intake.runtime.engine.begin() as conn:
        await handler(verification_event("verification.CaseApproved", case_id, approved), conn)
    async with intake.client() as client:
        held = await client.post("/v1/applications", json=body(), headers=intake.headers())
        # when verification ends the benefit
        ended = termination_data(case_id, "urban_dibao")
        async with intake.runtime.engine.begin() as conn:
            await handler(
                verification_event("verification.BenefitTerminated", case_id, ended), conn
            )
        # then the household may apply for dibao again
        again = await client.post("/v1/applications", json=body(), headers=intake.headers())
    assert held.json()["code"] == "duplicate-open-application"
    assert again.status_code == 201, again.text


@pytest.mark.req("INT-9")
async def test_a_household_migrated_into_verification_holds_its_programme_at_the_desk(
    intake: Intake,
) -> None:
    # given a household the caseload migration brought into verification (ADR 0037)
    case_id = str(uuid.uuid4())
    migrated = {
        **approval_data(case_id, "urban_dibao"),
        "migrated": {"migration_id": str(uuid.uuid4()), "source_sha256": "a" * 64, "row": 2,
                     "household_ref": "LD-2025-0001", "policy": "migration"},
    }  # fmt: skip
    handler = intake.runtime.handlers["intake.verification"]
    async with intake.runtime.engine.begin() as conn:
        await handler(verification_event("verification.CaseApproved", case_id, migrated), conn)
    async with intake.client() as client:
        # when the same person applies for dibao at the desk
        held = await client.post("/v1/applications", json=body(), headers=intake.headers())
        # then the desk refuses, as for any benefit held; after the benefit ends, it accepts
        ended = termination_data(case_id, "urban_dibao")
        async with intake.runtime.engine.begin() as conn:
            await handler(
                verification_event("verification.BenefitTerminated", case_id, ended), conn
            )
        again = await client.post("/v1/applications", json=body(), headers=intake.headers())
    assert held.status_code == 409, held.text
    assert held.json()["code"] == "duplicate-open-application"
    assert held.json()["field"] == "members.0.resident_id"
    assert again.status_code == 201, again.text


@pytest.mark.req("INT-4", "GEN-6")
async def test_an_agency_lists_what_awaits_its_decision_in_its_county(intake: Intake) -> None:
    # given an application routed to county civil affairs, education and medical assistance
    case_id = await _submitted(intake)
    await intake.caught_up()
    async with intake.client() as client:
        # when the Chengguan education bureau and the Qilihe one list what awaits them
        mine = await client.get(
            "/v1/applications?awaiting_agency=education",
            headers=intake.headers("education_bureau", "620102"),
        )
        housing = await client.get(
            "/v1/applications?awaiting_agency=housing_and_construction",
            headers=intake.headers("housing_bureau", "620102"),
        )
        elsewhere = await client.get(
            "/v1/applications?awaiting_agency=education",
            headers=intake.headers("education_bureau", "620103"),
        )
    # then only the competent agency of the applicant's county sees it
    assert [a["application_id"] for a in mine.json()["items"]] == [case_id]
    assert housing.json()["items"] == elsewhere.json()["items"] == []


@pytest.mark.req("INT-1", "INT-2")
@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"extreme_poverty": {"care": "centralised"}}, "programme_details.extreme_poverty"),
        ({"medical_assistance": {"kind": "cosmetic"}}, "programme_details.medical_assistance.kind"),
        ({"urban_dibao": {"care": "scattered"}}, "programme_details.urban_dibao.care"),
    ],
    ids=["not-requested", "unknown-value", "option-of-another-programme"],
)
async def test_sub_options_of_the_catalogue_are_checked_and_nothing_is_written(
    intake: Intake, details: dict[str, object], field: str
) -> None:
    # given sub-options that do not fit the requested programmes
    async with intake.client() as client:
        # when the application is submitted
        answer = await client.post(
            "/v1/applications",
            json=body(programmes=PROGRAMMES, programme_details=details),
            headers=intake.headers(),
        )
    # then it is refused naming the field, and nothing is written
    assert answer.status_code == 422
    assert (answer.json()["code"], answer.json()["field"]) == ("invalid-application", field)
    assert await intake.types() == []
