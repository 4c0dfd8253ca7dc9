"""The green channel and declared relatives end to end, through the public APIs only.

INT-7: the cap follows the county's urban dibao standard set through payments' API; a second grant
of a programme to a person in a month is refused; the follow-up application names its urgent case
and its verification case is due 5 working days after the grant. INT-10 / VER-5: a declared
relative's application is always in the county's spot-check sample and is decided by the county.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from clients.intake.api.applications import submit_application
from clients.intake.api.urgent_cases import (
    get_urgent_case,
    grant_prior_assistance,
    report_urgent_case,
)
from clients.payments.api.standards import set_standard
from clients.verification.api.county import decide_case, form_batch, record_spot_check
from clients.verification.api.notices import publish_notice
from clients.verification.api.township import (
    record_investigation,
    submit_proposal,
    verify_household_economy,
)
from tests.e2e.conftest import OwnStack
from tests.e2e.flows import Answer, Clerk
from tests.e2e.services import RunningServices
from tests.e2e.test_payments_flow import ACCOUNT, COUNTY, TOWNSHIP, VILLAGE
from tests.e2e.test_verification_happy_path import Officer, ok, resident
from tests.support import eventually


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """All four services and the simulators; a zero-day notice period so approval can follow."""
    with own_stack(
        "e2e-green-channel",
        {
            "VERIFICATION_NOTICE_PERIOD_DAYS": "0",
        },
    ) as running:
        yield running


class Township(Clerk):
    """The township officer's client on intake."""

    def __init__(self, services: RunningServices, client: httpx.AsyncClient) -> None:
        super().__init__(services, client, "intake", "township_officer", TOWNSHIP)
        self.day = services.day
        self.etags: dict[str, str] = {}  # urgent case → its current ETag, from the answers

    async def urgent_case(self) -> str:
        """A reported urgent case of the township."""
        reported = await self.call(
            report_urgent_case,
            body={"division_code": TOWNSHIP, "reporter": "hospital", "situation": "突发重病",
                  "household_size": 1},
        )  # fmt: skip
        assert reported.status_code == 201, reported.text
        urgent = str(reported.json()["urgent_case_id"])
        self.etags[urgent] = reported.headers["ETag"]
        return urgent

    async def grant(self, urgent: str, **body: Any) -> Answer:
        """Grant prior assistance with the urgent case's current ETag."""
        grant = {
            "programme": "temporary_assistance",
            "persons": 1,
            "bank_account": ACCOUNT,
            "payee_name": "赵桂芳",
            "follow_up_programmes": ["urban_dibao"],
            "reason": "先行给予临时救助",
            **body,
        }
        answer = await self.call(
            grant_prior_assistance, etag=self.etags[urgent], body=grant, case_id=urgent
        )
        if answer.status_code == 200:
            self.etags[urgent] = answer.headers["ETag"]
        return answer

    async def apply(self, sequence: int, **extra: Any) -> str:
        """A one-person urban dibao application, as the township registers it."""
        person = resident(sequence)
        created = await self.call(
            submit_application,
            body={
                "division_code": TOWNSHIP, "registration": "urban", "programmes": ["urban_dibao"],
                "members": [
                    {"resident_id": person, "name": f"申请人{sequence}", "relation": "self"}
                ],
                "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
                "authorisation": {"signed_by_resident_id": person, "signed_on": self.day(-15),
                                  "document_ref": f"城关区-授权-{sequence}"},
                "bank_account": ACCOUNT, **extra,
            },
        )  # fmt: skip
        assert created.status_code == 201, created.text
        return str(created.json()["application_id"])


async def _cap_once_known(township: Township, urgent: str, person: str, cap: int) -> Answer:
    """Grant one fen over `cap` until intake knows the standard that makes it the cap (payments'
    StandardSet travels by the broker); the refusal naming that cap."""
    answers: list[Answer] = []

    async def refused_at_cap() -> bool:
        answer = await township.grant(urgent, amount_fen=cap + 1, resident_id=person)
        answers.append(answer)
        return bool(answer.status_code == 422 and answer.json().get("cap_fen") == cap)

    await eventually(refused_at_cap, timeout=60, message="intake never used the standard")
    return answers[-1]


@pytest.mark.req("INT-7")
async def test_green_channel_cap_one_grant_a_month_and_the_linked_follow_up(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        township = Township(services, client)
        payments = Clerk(services, client, "payments", "county_officer", COUNTY)
        person, other = resident(701), resident(702)
        # given an urgent case, before any standard is known: no cap, no grant
        urgent = await township.urgent_case()
        unknown = await township.grant(urgent, amount_fen=10_000, resident_id=person)
        assert unknown.status_code == 409 and unknown.json()["code"] == "no-standard-in-force"
        # when the county sets its urban dibao standard of 700 元 through payments' API
        standard = await payments.call(
            set_standard,
            body={"division_code": COUNTY, "programme": "urban_dibao",
                  "effective_from": f"{services.period(-12)}-01",
                  "monthly_per_person_fen": 70_000, "reason": "县城市低保标准"},
        )  # fmt: skip
        assert standard.status_code == 201, standard.text
        # then the cap is 3 × 700 元 for one person
        over = await _cap_once_known(township, urgent, person, 210_000)
        assert over.json()["code"] == "prior-assistance-over-cap"
        # when the township grants 1,500 元, then the same programme again this month
        granted = await township.grant(urgent, amount_fen=150_000, resident_id=person)
        assert granted.status_code == 200, granted.text
        again = await township.grant(urgent, amount_fen=10_000, resident_id=person)
        # then the second grant is refused with its code, not dropped silently
        assert again.status_code == 409, again.text
        assert again.json()["code"] == "prior-assistance-already-granted"
        # when the county raises its standard to 800 元 from this month
        raised = await payments.call(
            set_standard,
            etag=standard.headers["ETag"],
            body={"division_code": COUNTY, "programme": "urban_dibao",
                  "effective_from": f"{services.period(0)}-01",
                  "monthly_per_person_fen": 80_000, "reason": "提高城市低保标准"},
        )  # fmt: skip
        assert raised.status_code == 201, raised.text
        # then the cap of another urgent case follows: 3 × 800 元
        await _cap_once_known(township, await township.urgent_case(), other, 240_000)

        # when the township files the follow-up dibao application naming the urgent case
        application_id = await township.apply(701, urgent_case_id=urgent)
        due = services.day(7)  # the stack's Wednesday + 5 working days: next Wednesday

        # then the urgent case shows its follow-up application and due date
        async def linked() -> bool:
            read = (await township.call(get_urgent_case, case_id=urgent)).json()
            return bool(read.get("follow_up_application_id") == application_id)

        await eventually(linked, timeout=30, message="the urgent case shows no follow-up")
        read = (await township.call(get_urgent_case, case_id=urgent)).json()
        assert read["verification_due"] == due and read["prior_assistance_fen"] == 150_000
        # and its verification case is due 5 working days after the grant
        officer = Officer(services, client, "county_officer", COUNTY)

        async def opened() -> bool:
            return bool((await officer.case(application_id)).status_code == 200)

        await eventually(opened, timeout=30, message="no verification case opened")
        case = (await officer.case(application_id)).json()
        assert case["decide_by"] == due and case["clocks"]["prior_assistance"] == due


async def _proposed(
    services: RunningServices, client: httpx.AsyncClient, case_id: str, relative: bool = False
) -> None:
    township = Officer(services, client, "township_officer", TOWNSHIP)

    async def opened() -> bool:
        answer = await township.case(case_id)
        return bool(answer.status_code == 200 and answer.json()["declared_relative"] == relative)

    # a declaration follows the application on intake's stream: wait for it, not to race it
    await eventually(opened, timeout=30, message="no case opened")
    await ok(await township.step(case_id, verify_household_economy, {}), "investigation")
    await ok(
        await township.step(case_id, record_investigation, {
            "staff": ["王明", "李华"], "visited_on": services.day(-8), "findings": "情况属实"}),
        "township_review",
    )  # fmt: skip
    await ok(
        await township.step(case_id, submit_proposal, {
            "proposed_monthly_amount_fen": 60_000, "review_opinion": "拟保"}),
        "proposed",
    )  # fmt: skip


@pytest.mark.req("INT-10", "VER-5")
async def test_a_staff_relatives_application_is_sampled_and_decided_by_the_county(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        township = Township(services, client)
        county = Officer(services, client, "county_officer", COUNTY)
        # given a household whose head is the sibling of a township cadre, declared at intake
        relative = await township.apply(
            801,
            staff_relatives=[{"member_resident_id": resident(801), "official_name": "李四",
                              "official_role": "township_cadre", "official_org": "某街道办事处",
                              "kinship": "sibling"}],
        )  # fmt: skip
        # and five ordinary households of the same township
        ordinary = [await township.apply(810 + n) for n in range(5)]
        await _proposed(services, client, relative, relative=True)
        for case_id in ordinary:
            await _proposed(services, client, case_id)
        assert (await county.case(relative)).json()["declared_relative"] is True
        # when the county forms the batch (a 30% draw: 2 of 6)
        formed = await county.call(
            form_batch,
            body={"township_code": TOWNSHIP,
                  "cases": [{"case_id": c, "programme": "urban_dibao"}
                            for c in [relative, *ordinary]]},
        )  # fmt: skip
        assert formed.status_code == 201, formed.text
        batch = formed.json()
        # then the relative's household is sampled whatever the draw, and the event says why
        household = f"{relative}/urban_dibao"
        assert household in batch["sample"] and batch["declared_relatives"] == [household]
        assert len(batch["sample"]) in (2, 3) and batch["rederived_sample_matches"] is True
        # when the township tries to decide the case, it may not
        township_officer = Officer(services, client, "township_officer", TOWNSHIP)
        refused = await township_officer.step(
            relative, decide_case, {"decision": "approve", "reason": "乡镇自行审批"}
        )
        assert refused.status_code == 403 and refused.json()["code"] == "wrong-level"
        # when the county visits every sampled household, the notice is published, it approves
        etag = formed.headers["ETag"]
        for sampled in batch["sample"]:
            case_id, programme = sampled.split("/")
            visited = await county.call(
                record_spot_check,
                batch_id=batch["batch_id"],
                etag=etag,
                body={"case_id": case_id, "programme": programme, "visited_by": ["赵", "钱"],
                      "visited_on": services.day(-1), "findings": "与申报一致"},
            )  # fmt: skip
            assert visited.status_code == 200, visited.text
            etag = visited.headers["ETag"]
        await ok(
            await township_officer.step(relative, publish_notice, {"village_code": VILLAGE}),
            "notice",
        )
        approved = await county.step(
            relative, decide_case, {"decision": "approve", "reason": "县级审批：近亲属备案户已抽查",
                                   "override_monthly_amount_fen": 60_000,
                                   "override_reason": "按乡镇审核意见核定"},
        )  # fmt: skip
        # then the county's decision stands on a case recorded as a declared relative's
        await ok(approved, "approved")
        assert approved.json()["declared_relative"] is True
