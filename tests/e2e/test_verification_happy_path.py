"""Verification end to end: intake → checks → review → county batch of 10 → 3 spot checks → notice
→ approval → CaseApproved in payments and in supervision's audit trail (real processes)."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from clients.payments.api.beneficiaries import get_beneficiary
from clients.supervision.api.audit import get_case_audit_trail
from clients.verification.api.cases import get_case_programme, list_work_queue
from clients.verification.api.county import decide_case, form_batch, record_spot_check
from clients.verification.api.notices import (
    get_village_notice,
    print_village_notice,
    publish_notice,
)
from clients.verification.api.township import (
    record_appraisal,
    record_investigation,
    record_manual_evidence,
    submit_proposal,
    verify_household_economy,
)
from clients.verification.models.stage import Stage
from shared.identity import check_char
from tests.e2e.conftest import OwnStack
from tests.e2e.flows import Answer, Clerk, County, submitted
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


class Officer(Clerk):
    """One role's verification clerk on one programme's case files (urban dibao by default)."""

    def __init__(
        self,
        services: RunningServices,
        client: httpx.AsyncClient,
        role: str,
        division: str,
        programme: str = "urban_dibao",
    ) -> None:
        super().__init__(services, client, "verification", role, division)
        self.programme = programme
        self.day = services.day  # dates on the stack's clock

    async def case(self, case_id: str) -> Answer:
        """The case's file for the programme."""
        return await self.call(get_case_programme, case_id=case_id, programme=self.programme)

    async def step(self, case_id: str, operation: ModuleType, body: dict[str, Any]) -> Answer:
        """One step on the case's file (an operation of verification's generated client), with
        the file's current ETag."""
        etag = (await self.case(case_id)).headers["ETag"]
        return await self.call(
            operation, etag=etag, body=body, case_id=case_id, programme=self.programme
        )


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
    return [
        await submitted(services, client, County(COUNTY), application(300 + n)) for n in range(10)
    ]


async def ok(answer: Answer, stage: str) -> None:
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
                    record_investigation,
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
                    submit_proposal,
                    {"proposed_monthly_amount_fen": 60_000, "review_opinion": "拟保"},
                ),
                "proposed",
            )
        # and the county forms a batch of the ten
        formed = await county.call(
            form_batch,
            body={
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
        early = await county.step(target, decide_case, {"decision": "approve", "reason": "审批"})
        assert early.status_code == 422 and early.json()["code"] == "spot-check-incomplete"
        # when the county visits the three sampled households
        etag = formed.headers["ETag"]
        for household in batch["sample"]:
            case_id, programme = household.split("/")
            visited = await county.call(
                record_spot_check,
                batch_id=batch["batch_id"],
                etag=etag,
                body={
                    "case_id": case_id,
                    "programme": programme,
                    "visited_by": ["赵", "钱"],
                    "visited_on": services.day(-7),
                    "findings": "与申报一致",
                },
            )
            assert visited.status_code == 200, visited.text
            etag = visited.headers["ETag"]
        assert visited.json()["complete"] is True
        # and the township posts the notice in the village, then the county approves
        await ok(await township.step(target, publish_notice, {"village_code": VILLAGE}), "notice")
        approved = await county.step(target, decide_case, {
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
        village = Clerk(services, client, "verification", "village_committee", VILLAGE)

        async def on_the_board() -> bool:
            answer = await village.call(get_village_notice, village_code=VILLAGE)
            return any(e["status"] == "approved" for e in answer.json().get("entries", []))

        await eventually(on_the_board, message="the approval never reached the notice board")
        board = await village.call(get_village_notice, village_code=VILLAGE)
        assert resident(300 + case_ids.index(target)) not in board.text
        printable = await village.call(print_village_notice, village_code=VILLAGE)
        assert "公示" in printable.text


async def _verified(township: Officer, case_id: str) -> Answer:
    """Run the economic check; a source that timed out on a loaded machine is asked again."""
    answer = await township.step(case_id, verify_household_economy, {})
    for _ in range(3):
        if answer.status_code != 200 or answer.json()["stage"] != "economic_verification":
            break
        answer = await township.step(case_id, verify_household_economy, {})
    return answer


async def _has_case(officer: Officer, case_id: str) -> bool:
    return (await officer.case(case_id)).status_code == 200


async def _enrolled(services: RunningServices, client: httpx.AsyncClient, case_id: str) -> bool:
    payments = Clerk(services, client, "payments", "county_officer", COUNTY)
    answer = await payments.call(get_beneficiary, case_id=case_id, programme="urban_dibao")
    return answer.status_code == 200


async def _trail_has_approval(
    services: RunningServices, client: httpx.AsyncClient, case_id: str
) -> bool:
    inspector = Clerk(services, client, "supervision", "inspector", "620100")
    answer = await inspector.call(get_case_audit_trail, case_id=case_id)
    if answer.status_code != 200:
        return False
    approvals = [e for e in answer.json()["entries"] if e["type"] == "verification.CaseApproved"]
    return (
        bool(approvals)
        and approvals[0]["actor"]["role"] == "county_officer"
        and bool(approvals[0]["reason"])
    )


async def _one_case(services: RunningServices, client: httpx.AsyncClient, sequence: int) -> str:
    case_id = await submitted(services, client, County(COUNTY), application(sequence))
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
                record_appraisal,
                {"held_on": services.day(-8), "participants": 12, "outcome": "同意"},
            ),
            "economic_verification",
        )
        alone = await township.step(
            case_id, submit_proposal, {"proposed_monthly_amount_fen": 1, "review_opinion": "x"}
        )
        assert alone.json()["code"] == "appraisal-cannot-decide-alone"
        # a village committee may not investigate
        village = Officer(services, client, "village_committee", VILLAGE)
        etag = (await township.case(case_id)).headers["ETag"]
        refused = await village.call(
            record_investigation,
            etag=etag,
            case_id=case_id,
            programme="urban_dibao",
            body={"staff": ["a", "b"], "visited_on": services.day(-8), "findings": "x"},
        )
        assert (
            refused.status_code == 403
            and refused.json()["code"] == "village-committee-cannot-review"
        )
        # a county outside the case's jurisdiction may not decide
        elsewhere = Officer(services, client, "county_officer", "620103")
        decided = await elsewhere.call(
            decide_case,
            etag='"1"',
            case_id=case_id,
            programme="urban_dibao",
            body={"decision": "approve", "reason": "x"},
        )
        assert decided.status_code == 403 and decided.json()["code"] == "out-of-jurisdiction"
        # a stale expected version changes nothing
        stale = await township.call(
            verify_household_economy,
            etag='"1"',
            case_id=case_id,
            programme="urban_dibao",
            body={},
        )
        assert stale.status_code == 412 and stale.json()["code"] == "precondition-failed"


@pytest.mark.req("VER-1")
async def test_a_failing_partner_source_never_loses_the_case(services: RunningServices) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        township = Officer(services, client, "township_officer", TOWNSHIP)
        case_id = await _one_case(services, client, 901)  # the tax bureau always answers 503
        partial = await township.step(case_id, verify_household_economy, {})
        await ok(partial, "economic_verification")
        assert partial.json()["evidence_sources_answered"] == 7
        queue = await township.call(list_work_queue, stage=Stage.ECONOMIC_VERIFICATION)
        assert queue.status_code == 200
        manual = await township.step(
            case_id,
            record_manual_evidence,
            {
                "source": "tax",
                "resident_id": resident(901),
                "monthly_income_fen": 0,
                "assets_fen": 0,
                "reference": "税务局回函",
            },
        )
        await ok(manual, "investigation")
