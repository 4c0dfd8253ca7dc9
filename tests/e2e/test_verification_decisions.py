"""VER-7 on the running stack: approve and reject, then adjust, suspend and terminate with If-Match
(payments follows, supervision's audit trail shows each step), and the periodic re-review that the
service loop opens when a benefit's review date has passed (real processes)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import httpx
import pytest

from clients.payments.api.beneficiaries import get_beneficiary
from clients.supervision.api.audit import get_case_audit_trail
from clients.verification.api.county import (
    adjust_benefit,
    decide_case,
    form_batch,
    record_spot_check,
    suspend_benefit,
    terminate_benefit,
)
from clients.verification.api.notices import publish_notice
from clients.verification.api.township import (
    record_investigation,
    submit_proposal,
    verify_household_economy,
)
from tests.e2e.conftest import OwnStack
from tests.e2e.flows import Answer, Clerk, County, submitted
from tests.e2e.services import RunningServices
from tests.e2e.test_verification_happy_path import Officer, application, ok
from tests.support import eventually

TOWNSHIP = "620102001"
VILLAGE = "620102001001"
COUNTY = "620102"


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """All four services; a zero-day notice period and a service loop that looks every 0.2 s."""
    with own_stack(
        "e2e-verification-decisions",
        {
            "VERIFICATION_NOTICE_PERIOD_DAYS": "0",
            "VERIFICATION_WATCHER_INTERVAL_S": "0.2",
            "VERIFICATION_PARTNER_TIMEOUT_S": "5",  # a shared, loaded test machine
        },
    ) as running:
        yield running


async def open_case(services: RunningServices, client: httpx.AsyncClient, sequence: int) -> str:
    """An application accepted at intake, once verification has opened its case."""
    case_id = await submitted(services, client, County(COUNTY), application(sequence))
    township = Officer(services, client, "township_officer", TOWNSHIP)

    async def opened() -> bool:
        return (await township.case(case_id)).status_code == 200

    await eventually(opened, message=f"verification never opened {case_id}")
    return case_id


async def verified(township: Officer, case_id: str) -> None:
    """Economic verification done; asked again if a source timed out (or the loop finished it)."""

    async def at_investigation() -> bool:
        stage = (await township.case(case_id)).json()["stage"]
        if stage == "economic_verification":
            await township.step(case_id, verify_household_economy, {})
            return False
        return bool(stage == "investigation")

    await eventually(at_investigation, timeout=60, message=f"{case_id} never verified")


async def investigated_and_proposed(township: Officer, case_id: str) -> None:
    """The township's household visit and its proposal to the county."""
    await ok(
        await township.step(
            case_id,
            record_investigation,
            {"staff": ["王明", "李华"], "visited_on": township.day(), "findings": "情况属实"},
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


async def batched_and_spot_checked(county: Officer, case_ids: list[str]) -> dict[str, Any]:
    """A county batch of the cases with every sampled household visited."""
    formed = await county.call(
        form_batch,
        body={
            "township_code": TOWNSHIP,
            "cases": [{"case_id": c, "programme": "urban_dibao"} for c in case_ids],
        },
    )
    assert formed.status_code == 201, formed.text
    batch: dict[str, Any] = formed.json()
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
                "visited_on": county.day(),
                "findings": "与申报一致",
            },
        )
        assert visited.status_code == 200, visited.text
        etag = visited.headers["ETag"]
        batch = visited.json()
    assert batch["complete"] is True
    return batch


async def noticed(
    services: RunningServices, client: httpx.AsyncClient, sequences: list[int]
) -> list[str]:
    """Cases taken through checks, investigation, proposal, batch and notice, ready to decide."""
    township = Officer(services, client, "township_officer", TOWNSHIP)
    county = Officer(services, client, "county_officer", COUNTY)
    case_ids = [await open_case(services, client, n) for n in sequences]
    for case_id in case_ids:
        await verified(township, case_id)
        await investigated_and_proposed(township, case_id)
    await batched_and_spot_checked(county, case_ids)
    for case_id in case_ids:
        await ok(await township.step(case_id, publish_notice, {"village_code": VILLAGE}), "notice")
    return case_ids


class Watch:
    """What payments and supervision's audit trail say about one case."""

    def __init__(self, services: RunningServices, client: httpx.AsyncClient, case_id: str):
        self.case_id = case_id
        self.payments = Clerk(services, client, "payments", "county_officer", COUNTY)
        self.inspector = Clerk(services, client, "supervision", "inspector", "620100")

    async def beneficiary(self) -> Answer:
        """Payments' entitlement and status of the urban dibao benefit."""
        return await self.payments.call(
            get_beneficiary, case_id=self.case_id, programme="urban_dibao"
        )

    async def trail(self) -> list[dict[str, Any]]:
        """The case's audit trail across the services."""
        answer = await self.inspector.call(get_case_audit_trail, case_id=self.case_id, limit=200)
        return list(answer.json()["entries"]) if answer.status_code == 200 else []

    async def paid_as(self, status: str, amount_fen: int | None = None) -> None:
        """Wait until payments shows the benefit with that status (and monthly amount)."""

        async def shown() -> bool:
            answer = await self.beneficiary()
            if answer.status_code != 200:
                return False
            body = answer.json()
            return bool(
                body["status"] == status
                and (amount_fen is None or body["monthly_amount_fen"] == amount_fen)
            )

        await eventually(
            shown, timeout=30, message=f"payments never showed {status} {amount_fen or ''}"
        )

    async def in_trail(self, event_type: str) -> dict[str, Any]:
        """Wait for an event type in the audit trail; the entry."""
        found: list[dict[str, Any]] = []

        async def listed() -> bool:
            found[:] = [e for e in await self.trail() if e["type"] == event_type]
            return bool(found)

        await eventually(listed, timeout=30, message=f"{event_type} never reached the trail")
        return found[0]


async def decided(county: Officer, case_id: str, body: dict[str, Any]) -> Answer:
    """The county's decision on a noticed case."""
    return await county.step(case_id, decide_case, body)


@pytest.mark.req("VER-7", "VER-5", "VER-6", "SUP-1")
async def test_approve_adjust_suspend_terminate_reach_payments_and_the_audit_trail(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        county = Officer(services, client, "county_officer", COUNTY)
        # given two households of one batch, spot-checked and noticed
        approved_id, rejected_id = await noticed(services, client, [501, 502])
        # when the county approves one with class and amount, and rejects the other with a reason
        approved = await decided(
            county,
            approved_id,
            {
                "decision": "approve",
                "reason": "经入户抽查和公示，符合条件",
                "override_monthly_amount_fen": 60_000,
                "override_reason": "家庭有重病患者，按600元核定",
                "effective_from": services.day(),
            },
        )
        await ok(approved, "approved")
        assert approved.json()["approved_monthly_amount_fen"] == 60_000
        assert approved.json()["amount_basis"] == "override"
        assert approved.json()["override_reason"] == "家庭有重病患者，按600元核定"
        rejected = await decided(
            county, rejected_id, {"decision": "reject", "reason": "家庭人均收入高于当地低保标准"}
        )
        await ok(rejected, "rejected")
        # then payments enrols the approved household only
        paid = Watch(services, client, approved_id)
        await paid.paid_as("active")
        rejection = await Watch(services, client, rejected_id).in_trail("verification.CaseRejected")
        assert rejection["actor"]["role"] == "county_officer"
        assert rejection["reason"] == "家庭人均收入高于当地低保标准"
        assert (await Watch(services, client, rejected_id).beneficiary()).status_code == 404
        # when circumstances change, the county adjusts the amount (If-Match: the case's ETag)
        file = {"case_id": approved_id, "programme": "urban_dibao"}
        etag = (await county.case(approved_id)).headers["ETag"]
        adjusted = await county.call(
            adjust_benefit,
            etag=etag,
            body={
                "approved_monthly_amount_fen": 52_000,
                "effective_from": services.day(),
                "reason": "家庭成员就业，收入增加",
            },
            **file,
        )
        await ok(adjusted, "approved")
        assert adjusted.json()["approved_monthly_amount_fen"] == 52_000
        # then payments pays the new amount
        await paid.paid_as("active", 52_000)
        # and a suspension naming the version before the adjustment changes nothing
        stale = await county.call(
            suspend_benefit,
            etag=etag,
            body={"effective_from": services.day(), "reason": "待核实"},
            **file,
        )
        assert stale.status_code == 412 and stale.json()["code"] == "precondition-failed"
        # when the county suspends with the current version, payments stops paying
        suspended = await county.call(
            suspend_benefit,
            etag=adjusted.headers["ETag"],
            body={"effective_from": services.day(), "reason": "群众反映有车辆，暂停发放待核实"},
            **file,
        )
        await ok(suspended, "suspended")
        await paid.paid_as("suspended")
        # and a township officer may not terminate: that is the county's decision
        township = Officer(services, client, "township_officer", TOWNSHIP)
        wrong = await township.call(
            terminate_benefit,
            etag=suspended.headers["ETag"],
            body={"effective_from": services.day(), "reason": "x"},
            **file,
        )
        assert wrong.status_code == 403, wrong.text
        # when public security reports a death, the county terminates the benefit
        terminated = await county.call(
            terminate_benefit,
            etag=suspended.headers["ETag"],
            body={"effective_from": services.day(), "reason": "公安部门通报死亡，终止保障"},
            **file,
        )
        await ok(terminated, "terminated")
        await paid.paid_as("terminated")
        # then each decision is in the case's audit trail with the county's actor and reason
        reasons = {
            "verification.CaseApproved": "经入户抽查和公示，符合条件",
            "verification.BenefitAdjusted": "家庭成员就业，收入增加",
            "verification.BenefitSuspended": "群众反映有车辆，暂停发放待核实",
            "verification.BenefitTerminated": "公安部门通报死亡，终止保障",
        }
        for event_type, reason in reasons.items():
            entry = await paid.in_trail(event_type)
            assert entry["actor"]["role"] == "county_officer", entry
            assert entry["reason"] == reason, entry
        # and so are payments' own consequences
        for event_type in ("payments.BeneficiarySuspended", "payments.BeneficiaryTerminated"):
            assert (await paid.in_trail(event_type))["service"] == "payments"


@pytest.mark.req("VER-7", "VER-2")
async def test_the_service_loop_opens_a_periodic_re_review_once_the_review_date_has_passed(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        township = Officer(services, client, "township_officer", TOWNSHIP)
        county = Officer(services, client, "county_officer", COUNTY)
        # given an urban household approved a year and ten days ago, due for its yearly re-review
        approved_from = date.fromisoformat(services.day(-376))
        (case_id,) = await noticed(services, client, [503])
        await ok(
            await decided(
                county,
                case_id,
                {
                    "decision": "approve",
                    "reason": "经入户抽查和公示，符合条件（补录）",
                    "override_monthly_amount_fen": 60_000,
                    "override_reason": "按乡镇审核意见核定",
                    "effective_from": approved_from.isoformat(),
                },
            ),
            "approved",
        )

        # when the service loop next looks, it opens the re-review by itself
        async def rechecking() -> bool:
            return bool((await township.case(case_id)).json()["stage"] == "recheck")

        await eventually(rechecking, timeout=30, message="no periodic re-review was opened")
        opened = await Watch(services, client, case_id).in_trail("verification.RecheckOpened")
        assert opened["actor"]["role"] == "system" and opened["channel"] == "review-watcher"
        due = approved_from.replace(year=approved_from.year + 1)
        assert due.isoformat() in opened["reason"]
        # and the township's new household visit returns the case to approved, next due in a year
        revisited = await township.step(
            case_id,
            record_investigation,
            {"staff": ["王明", "李华"], "visited_on": services.day(), "findings": "复核情况属实"},
        )
        await ok(revisited, "approved")
        await Watch(services, client, case_id).in_trail("verification.ReviewScheduled")
        # and the benefit stays in payment throughout
        await Watch(services, client, case_id).paid_as("active")
