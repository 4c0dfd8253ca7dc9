"""Verification end to end: intake → checks → review → county batch of 10 → 3 spot checks → notice
→ approval → CaseApproved in payments and in supervision's audit trail (real processes)."""

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
VILLAGE = "620102001001"
COUNTY = "620102"


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """All four services and the simulators; a zero-day notice period so approval can follow."""
    with own_stack(
        "e2e-verification",
        {
            "VERIFICATION_NOTICE_PERIOD_DAYS": "0",
            "VERIFICATION_PARTNER_TIMEOUT_S": "5",  # a shared, loaded test machine
        },
    ) as running:
        yield running


def resident(sequence: int) -> str:
    """A valid resident ID (born 1960) with a sequence code the simulator answers promptly."""
    first17 = f"62010219600101{sequence:03d}"
    return first17 + check_char(first17)


class Officer:
    """One role's client against the running services."""

    def __init__(
        self, services: RunningServices, client: httpx.AsyncClient, role: str, division: str
    ):
        self.client, self.base = client, services.urls["verification"]
        self.auth = services.auth(role, division)
        self.day = services.day  # dates on the stack's clock

    async def case(self, case_id: str) -> httpx.Response:
        """The case's urban dibao file."""
        return await self.client.get(
            f"{self.base}/v1/cases/{case_id}/programmes/urban_dibao", headers=self.auth
        )

    async def step(self, case_id: str, step: str, body: dict[str, Any]) -> httpx.Response:
        """POST a step with the case's current ETag."""
        etag = (await self.case(case_id)).headers["ETag"]
        return await self.client.post(
            f"{self.base}/v1/cases/{case_id}/programmes/urban_dibao/{step}",
            json=body,
            headers={**self.auth, "If-Match": etag, "Idempotency-Key": str(uuid.uuid4())},
        )

    async def post(
        self, path: str, body: dict[str, Any], etag: str | None = None
    ) -> httpx.Response:
        """POST to verification with a fresh Idempotency-Key."""
        headers = {**self.auth, "Idempotency-Key": str(uuid.uuid4())}
        if etag:
            headers["If-Match"] = etag
        return await self.client.post(f"{self.base}{path}", json=body, headers=headers)


def application(sequence: int) -> dict[str, object]:
    """A one-person urban dibao application."""
    person = resident(sequence)
    return {
        "division_code": TOWNSHIP,
        "registration": "urban",
        "programmes": ["urban_dibao"],
        "members": [{"resident_id": person, "name": f"申请人{sequence}", "relation": "self"}],
        "declared_monthly_income_fen": 45_000,
        "declared_assets_fen": 500_000,
        "authorisation": {
            "signed_by_resident_id": person,
            "signed_on": stack_day(-15),
            "document_ref": f"城关区-授权-{sequence}",
        },
    }


async def submit_ten(services: RunningServices, client: httpx.AsyncClient) -> list[str]:
    """Ten applications accepted at intake."""
    auth = services.auth("township_officer", TOWNSHIP)
    ids = []
    for n in range(10):
        created = await client.post(
            f"{services.urls['intake']}/v1/applications",
            json=application(300 + n),
            headers={**auth, "Idempotency-Key": str(uuid.uuid4())},
        )
        assert created.status_code == 201, created.text
        ids.append(created.json()["application_id"])
    return ids


async def ok(answer: httpx.Response, stage: str) -> None:
    """The step succeeded and left the case at the stage."""
    assert answer.status_code == 200, answer.text
    assert answer.json()["stage"] == stage, answer.text


@pytest.mark.req("VER-1", "VER-2", "VER-4", "VER-5", "VER-6", "VER-7", "GEN-1")
async def test_happy_path_from_intake_to_an_approval_seen_by_payments_and_supervision(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        township = Officer(services, client, "township_officer", TOWNSHIP)
        county = Officer(services, client, "county_officer", COUNTY)
        # given ten applications accepted at intake, each opened in verification
        case_ids = await submit_ten(services, client)
        for case_id in case_ids:
            await eventually(lambda c=case_id: _has_case(township, c), message="no case opened")
        # when the township verifies against the simulator, investigates and proposes each
        for case_id in case_ids:
            await ok(await _verified(township, case_id), "investigation")
            await ok(
                await township.step(
                    case_id,
                    "investigation",
                    {
                        "staff": ["王明", "李华"],
                        "visited_on": services.day(-8),
                        "findings": "情况属实",
                    },
                ),
                "township_review",
            )
            await ok(
                await township.step(
                    case_id,
                    "proposal",
                    {"proposed_monthly_amount_fen": 60_000, "review_opinion": "拟保"},
                ),
                "proposed",
            )
        # and the county forms a batch of the ten
        formed = await county.post(
            "/v1/batches",
            {
                "township_code": TOWNSHIP,
                "cases": [{"case_id": c, "programme": "urban_dibao"} for c in case_ids],
            },
        )
        assert formed.status_code == 201, formed.text
        batch = formed.json()
        # then three households are sampled with the seed on record
        assert batch["sample_size"] == 3 and batch["seed"] and batch["rederived_sample_matches"]
        target = batch["sample"][0].split("/")[0]
        # and approval before the spot check is refused
        early = await county.step(target, "decision", {"decision": "approve", "reason": "审批"})
        assert early.status_code == 422 and early.json()["code"] == "spot-check-incomplete"
        # when the county visits the three sampled households
        etag = formed.headers["ETag"]
        for household in batch["sample"]:
            case_id, programme = household.split("/")
            visited = await county.post(
                f"/v1/batches/{batch['batch_id']}/spot-checks",
                {
                    "case_id": case_id,
                    "programme": programme,
                    "visited_by": ["赵", "钱"],
                    "visited_on": services.day(-7),
                    "findings": "与申报一致",
                },
                etag=etag,
            )
            assert visited.status_code == 200, visited.text
            etag = visited.headers["ETag"]
        assert visited.json()["complete"] is True
        # and the township posts the notice in the village, then the county approves
        await ok(await township.step(target, "notice", {"village_code": VILLAGE}), "notice")
        approved = await county.step(target, "decision", {
            "decision": "approve", "reason": "经入户抽查和公示，符合条件",
            "override_monthly_amount_fen": 60_000,
            "override_reason": "按乡镇审核意见核定"})  # fmt: skip
        await ok(approved, "approved")
        # then payments enrols the household and supervision's audit trail shows the approval
        await eventually(
            lambda: _enrolled(services, client, target),
            timeout=30,
            message="payments never enrolled the approved case",
        )
        await eventually(
            lambda: _trail_has_approval(services, client, target),
            timeout=30,
            message="CaseApproved never reached the audit trail",
        )
        # and the village's notice board lists the approved household, without its ID
        village = services.auth("village_committee", VILLAGE)
        notice_url = f"{township.base}/v1/notices/{VILLAGE}"

        async def on_the_board() -> bool:
            answer = await client.get(notice_url, headers=village)
            return any(e["status"] == "approved" for e in answer.json().get("entries", []))

        await eventually(on_the_board, message="the approval never reached the notice board")
        board = await client.get(notice_url, headers=village)
        assert resident(300 + case_ids.index(target)) not in board.text
        printable = await client.get(f"{notice_url}/print", headers=village)
        assert "公示" in printable.text


async def _verified(township: Officer, case_id: str) -> httpx.Response:
    """Run the economic check; a source that timed out on a loaded machine is asked again."""
    answer = await township.step(case_id, "economic-verification", {})
    for _ in range(3):
        if answer.status_code != 200 or answer.json()["stage"] != "economic_verification":
            break
        answer = await township.step(case_id, "economic-verification", {})
    return answer


async def _has_case(officer: Officer, case_id: str) -> bool:
    return (await officer.case(case_id)).status_code == 200


async def _enrolled(services: RunningServices, client: httpx.AsyncClient, case_id: str) -> bool:
    answer = await client.get(
        f"{services.urls['payments']}/v1/beneficiaries/{case_id}/urban_dibao",
        headers=services.auth("county_officer", COUNTY),
    )
    return answer.status_code == 200


async def _trail_has_approval(
    services: RunningServices, client: httpx.AsyncClient, case_id: str
) -> bool:
    answer = await client.get(
        f"{services.urls['supervision']}/v1/cases/{case_id}/audit-trail",
        headers=services.auth("inspector", "620100"),
    )
    if answer.status_code != 200:
        return False
    approvals = [e for e in answer.json()["entries"] if e["type"] == "verification.CaseApproved"]
    return (
        bool(approvals)
        and approvals[0]["actor"]["role"] == "county_officer"
        and bool(approvals[0]["reason"])
    )


async def _one_case(services: RunningServices, client: httpx.AsyncClient, sequence: int) -> str:
    auth = services.auth("township_officer", TOWNSHIP)
    created = await client.post(
        f"{services.urls['intake']}/v1/applications",
        json=application(sequence),
        headers={**auth, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert created.status_code == 201, created.text
    case_id = str(created.json()["application_id"])
    township = Officer(services, client, "township_officer", TOWNSHIP)
    await eventually(lambda: _has_case(township, case_id), message="no case opened")
    return case_id


@pytest.mark.req("VER-3", "VER-4", "VER-7", "VER-8", "VER-9", "GEN-6", "GEN-8")
async def test_refusals_on_the_running_stack(services: RunningServices) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        township = Officer(services, client, "township_officer", TOWNSHIP)
        case_id = await _one_case(services, client, 401)
        # the case shows its working-day clocks and the elderly applicant's priority flag
        detail = (await township.case(case_id)).json()
        assert set(detail["clocks"]) == {"investigation_start", "whole_process"}
        assert [f.split(":")[0] for f in detail["priority_flags"]] == ["elderly_subsidy"]
        # a democratic appraisal alone cannot carry a proposal
        await ok(
            await township.step(
                case_id,
                "appraisal",
                {"held_on": services.day(-8), "participants": 12, "outcome": "同意"},
            ),
            "economic_verification",
        )
        alone = await township.step(
            case_id, "proposal", {"proposed_monthly_amount_fen": 1, "review_opinion": "x"}
        )
        assert alone.json()["code"] == "appraisal-cannot-decide-alone"
        # a village committee may not investigate
        village = Officer(services, client, "village_committee", VILLAGE)
        etag = (await township.case(case_id)).headers["ETag"]
        refused = await village.post(
            f"/v1/cases/{case_id}/programmes/urban_dibao/investigation",
            {"staff": ["a", "b"], "visited_on": services.day(-8), "findings": "x"},
            etag=etag,
        )
        assert (
            refused.status_code == 403
            and refused.json()["code"] == "village-committee-cannot-review"
        )
        # a county outside the case's jurisdiction may not decide
        elsewhere = Officer(services, client, "county_officer", "620103")
        decided = await elsewhere.post(
            f"/v1/cases/{case_id}/programmes/urban_dibao/decision",
            {"decision": "approve", "reason": "x"},
            etag='"1"',
        )
        assert decided.status_code == 403 and decided.json()["code"] == "out-of-jurisdiction"
        # a stale expected version changes nothing
        stale = await township.post(
            f"/v1/cases/{case_id}/programmes/urban_dibao/economic-verification", {}, etag='"1"'
        )
        assert stale.status_code == 412 and stale.json()["code"] == "precondition-failed"


@pytest.mark.req("VER-1")
async def test_a_failing_partner_source_never_loses_the_case(services: RunningServices) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        township = Officer(services, client, "township_officer", TOWNSHIP)
        case_id = await _one_case(services, client, 901)  # the tax bureau always answers 503
        partial = await township.step(case_id, "economic-verification", {})
        await ok(partial, "economic_verification")
        assert partial.json()["evidence_sources_answered"] == 7
        queue = await client.get(
            f"{township.base}/v1/work-queue?stage=economic_verification", headers=township.auth
        )
        assert queue.status_code == 200
        manual = await township.step(
            case_id,
            "evidence",
            {
                "source": "tax",
                "resident_id": resident(901),
                "monthly_income_fen": 0,
                "assets_fen": 0,
                "reference": "税务局回函",
            },
        )
        await ok(manual, "investigation")
