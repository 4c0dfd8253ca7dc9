"""Children and disabled persons end to end on the shared stack, through the public APIs only
(VER-10, PAY-9, PAY-4): 西固区's township registers a child with the guardian and visits; the
register is the civil-affairs officers' only; an orphan granted the allowance is paid in the next
run; a raise of the allowance from months back is paid back to the fen; a disabled person who
meets the extreme-poverty rules is flagged for the county, which acts on the flag."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from clients.payments.api.beneficiaries import get_beneficiary, list_beneficiary_payments
from clients.payments.api.standards import get_standard, set_standard
from clients.verification.api.children import (
    assess_allowance,
    get_child,
    list_children,
    record_care_visit,
    register_child,
)
from clients.verification.api.extreme_poverty_inclusion import (
    decide_inclusion,
    get_screening,
    list_screenings,
    screen_disabled_person,
)
from shared.clock import today
from tests.e2e.flows import Clerk, County, completed_run, funded, monthly_figure
from tests.e2e.services import RunningServices
from tests.support import eventually

XIGU = County("620104")  # 兰州市西固区: this module's county on the shared stack
ACCOUNT = "6228480012345670104"  # the guardian's account (the bank simulator pays it)
POLICY = "甘肃省孤儿基本生活保障办法；甘政办发〔2017〕28号"


def born_years_ago(stack: RunningServices, years: int) -> str:
    """The birth date (YYYYMMDD) of someone `years` old on the stack's today: 1 January."""
    return f"{today(stack.clock).year - years}0101"


def child_body(
    stack: RunningServices, sequence: int, category: str, **extra: Any
) -> dict[str, Any]:
    """A ten-year-old of 西固区's first village, entrusted to the grandmother."""
    return {
        "resident_id": XIGU.resident(sequence, born_years_ago(stack, 10)),
        "name": "李小明", "division_code": XIGU.village, "registration": "rural",
        "category": category, "guardianship_status": "entrusted",
        "guardian": {"name": "王秀兰", "relation": "grandparent", "phone": "13812345678",
                     "resident_id": XIGU.resident(sequence + 400, "19580501"),
                     "bank_account": ACCOUNT},
        **extra,
    }  # fmt: skip


class Desks:
    """西固区's township and county officers on verification, the county's on payments."""

    def __init__(self, stack: RunningServices, client: httpx.AsyncClient) -> None:
        self.township = Clerk(stack, client, "verification", "township_officer", XIGU.township)
        self.county = Clerk(stack, client, "verification", "county_officer", XIGU.code)
        self.payments = Clerk(stack, client, "payments", "county_officer", XIGU.code)
        self.stack = stack

    async def registered(self, sequence: int, category: str) -> dict[str, Any]:
        """A child put on the register by the township; the answer's body and ETag."""
        answer = await self.township.call(
            register_child, body=child_body(self.stack, sequence, category)
        )
        assert answer.status_code == 201, answer.text
        return {**answer.json(), "etag": answer.headers["ETag"]}

    async def granted(self, child: dict[str, Any], allowance: str, since: str) -> dict[str, Any]:
        """The county grants the child an allowance from a date; the child's file."""
        answer = await self.county.call(
            assess_allowance, child_id=child["child_id"], etag=child["etag"],
            body={"allowance": allowance, "decision": "grant", "effective_from": since,
                  "reason": "经核查符合条件，准予发放", "policy_basis": POLICY},
        )  # fmt: skip
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    async def standard(self, programme: str, fen: int, since: str) -> None:
        """The county's standard for an allowance from a month (If-Match its version)."""
        current = await self.payments.call(
            get_standard, division_code=XIGU.code, programme=programme
        )
        etag = current.headers.get("ETag") if current.status_code == 200 else None
        answer = await self.payments.call(
            set_standard, etag=etag,
            body={"division_code": XIGU.code, "programme": programme,
                  "effective_from": f"{since}-01", "monthly_per_person_fen": fen,
                  "reason": "区民政局、财政局联合发文"},
        )  # fmt: skip
        assert answer.status_code == 201, answer.text

    async def entitled(self, ledger: dict[str, str], amount: int) -> dict[str, Any]:
        """Wait until payments shows the child's allowance at the monthly amount; its view."""

        async def shown() -> bool:
            answer = await self.payments.call(get_beneficiary, **ledger)
            return answer.status_code == 200 and answer.json()["monthly_amount_fen"] == amount

        await eventually(shown, timeout=60, message=f"{ledger} never showed {amount} fen")
        return dict((await self.payments.call(get_beneficiary, **ledger)).json())

    async def paid(self, ledger: dict[str, str]) -> list[dict[str, Any]]:
        """The payments of the child's allowance."""
        answer = await self.payments.call(list_beneficiary_payments, **ledger)
        assert answer.status_code == 200, answer.text
        return list(answer.json()["items"])


@pytest.mark.req("VER-10")
async def test_a_child_is_registered_with_the_guardian_visited_and_seen_by_the_county_only(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        desks = Desks(stack, client)
        # given a left-behind child registered by the township with the guardian
        child = await desks.registered(101, "left_behind")
        assert (child["guardianship_status"], child["age"]) == ("entrusted", 10)
        assert child["guardian"]["phone_masked"] == "138****5678"
        assert ACCOUNT not in str(child) and child["resident_id_masked"].startswith("620***")
        # when the township records a care visit that finds the guardianship inadequate
        child_id = child["child_id"]
        visit = {"visited_on": stack.day(-1), "visited_by": ["张敏", "刘强"],
                 "guardianship_status": "inadequate", "follow_up_needed": True,
                 "notes": "祖母腿脚不便，孩子放学后无人照看"}  # fmt: skip
        stale = await desks.township.call(
            record_care_visit, child_id=child_id, body=visit, etag='"0"'
        )
        assert stale.status_code == 412, stale.text
        visited = await desks.township.call(
            record_care_visit, child_id=child_id, body=visit, etag=child["etag"]
        )
        assert visited.status_code == 200, visited.text
        # then the county reads the child with the visit and the guardianship it found
        seen = await desks.county.call(get_child, child_id=child_id)
        assert seen.status_code == 200 and seen.headers["ETag"] == '"2"'
        assert seen.json()["guardianship_status"] == "inadequate"
        assert [v["visited_on"] for v in seen.json()["visits"]] == [stack.day(-1)]

        async def listed() -> bool:
            listing = await desks.county.call(list_children, follow_up_needed=True)
            return any(
                i["child_id"] == child_id and i["visits"] == 1 for i in listing.json()["items"]
            )

        await eventually(listed, timeout=30, message="the county's register never listed the child")
        # and the register is refused to roles that must not see children's data, and to
        # another county
        for role, division in (("auditor", XIGU.code), ("inspector", XIGU.code),
                               ("charity", XIGU.code), ("partner_agency", XIGU.code),
                               ("county_officer", "620102")):  # fmt: skip
            outsider = Clerk(stack, client, "verification", role, division)
            answer = await outsider.call(get_child, child_id=child_id)
            assert answer.status_code == 403, (role, answer.text)
        assert (await Clerk(stack, client, "verification", "auditor", XIGU.code).call(
            list_children)).status_code == 403  # fmt: skip
        # and the same child is not registered twice, nor an adult, nor a visit by the county
        again = await desks.township.call(
            register_child, body=child_body(stack, 101, "left_behind")
        )
        assert again.status_code == 409 and again.json()["code"] == "child-already-registered"
        adult = child_body(stack, 102, "left_behind",
                           resident_id=XIGU.resident(102, born_years_ago(stack, 19)))  # fmt: skip
        refused = await desks.township.call(register_child, body=adult)
        assert (refused.status_code, refused.json().get("field")) == (422, "resident_id")
        by_county = await desks.county.call(
            record_care_visit, child_id=child_id, body=visit, etag='"2"'
        )
        assert by_county.status_code == 403, by_county.text
        # and the province's statistics of the month count the child, naming no one (SUP-8)
        await monthly_figure(stack, client, XIGU.code, "children_registered", 1)


@pytest.mark.req("VER-10", "PAY-9")
async def test_an_orphan_granted_the_allowance_is_paid_in_the_next_monthly_run(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        desks = Desks(stack, client)
        # given the county's orphan allowance of 1,200 yuan a month for the past year
        await desks.standard("orphan_allowance", 120_000, stack.period(-12))
        await funded(desks.payments, XIGU, "orphan_allowance", 10_000_000)
        # when the county grants a registered orphan the allowance from next month
        orphan = await desks.registered(201, "orphan")
        since = f"{stack.period(1)}-01"
        file = await desks.granted(orphan, "orphan_allowance", since)
        # then the decision says who, when, why and under which policy
        decided = file["assessments"][0]
        assert (decided["decision"], decided["effective_from"]) == ("granted", since)
        assert decided["decided_by"] == f"e2e-county_officer-{XIGU.code}"
        assert (decided["decided_on"], decided["policy_basis"]) == (stack.day(), POLICY)
        # and payments enrols the child at the standard, paid to the guardian
        ledger = {"case_id": orphan["child_id"], "programme": "orphan_allowance"}
        shown = await desks.entitled(ledger, 120_000)
        assert (shown["effective_from"], shown["payee_name_masked"]) == (since, "王**")
        # and the next month's run pays it into the guardian's account
        run = await completed_run(desks.payments, XIGU, stack.period(1))
        assert orphan["child_id"] not in {u["case_id"] for u in run["unpayable"]}
        paid = await desks.paid(ledger)
        assert [(p["period"], p["amount_fen"], p["status"]) for p in paid] == [
            (stack.period(1), 120_000, "settled")
        ]
        assert paid[0]["bank_account_masked"].endswith(ACCOUNT[-4:])
        # and a left-behind child is not assessed for an allowance it is not for
        left_behind = await desks.registered(202, "left_behind")
        wrong = await desks.county.call(
            assess_allowance, child_id=left_behind["child_id"], etag=left_behind["etag"],
            body={"allowance": "orphan_allowance", "decision": "grant", "effective_from": since,
                  "reason": "x", "policy_basis": POLICY},
        )  # fmt: skip
        assert (wrong.status_code, wrong.json().get("field")) == (422, "allowance")


@pytest.mark.req("PAY-9", "PAY-4")
async def test_a_raise_of_the_allowance_from_months_back_is_paid_back_to_the_fen(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        desks = Desks(stack, client)
        # given the allowance for children in difficulty at 600 yuan a month for the past year
        programme, before, after = "child_in_difficulty_allowance", 60_000, 65_050
        await desks.standard(programme, before, stack.period(-12))
        await funded(desks.payments, XIGU, programme, 10_000_000)
        # and a poor disabled child granted it from last month, paid for it late (a run pays last
        # month at the earliest, ADR 0060)
        child = await desks.registered(301, "poor_disabled")
        since = stack.period(-1)
        await desks.granted(child, programme, f"{since}-01")
        ledger = {"case_id": child["child_id"], "programme": programme}
        await desks.entitled(ledger, before)
        await completed_run(desks.payments, XIGU, since)
        # when the county raises the allowance to 650.50 yuan from last month
        await desks.standard(programme, after, since)
        await desks.entitled(ledger, after)
        # then this month's run pays the new amount and 50.50 yuan of back pay, to the fen
        await completed_run(desks.payments, XIGU, stack.period())
        paid = {p["period"]: p for p in await desks.paid(ledger)}
        assert paid[since]["amount_fen"] == before
        now = paid[stack.period()]
        assert (now["monthly_fen"], now["back_pay_fen"]) == (after, after - before)
        assert (now["amount_fen"], now["status"]) == (after + 5_050, "settled")


@pytest.mark.req("VER-10")
async def test_a_disabled_person_meeting_the_extreme_poverty_rules_is_flagged_for_inclusion(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        desks = Desks(stack, client)
        person = {
            "name": "赵建国",
            "division_code": XIGU.village,
            "disability_kind": "physical",
            "disability_grade": 1,
            "has_living_source": False,
            "supporter": "none",
        }
        # when the township screens a grade-1 physically disabled man without living source or
        # supporter, and another whose son is able to support him
        flagged = await desks.township.call(
            screen_disabled_person, body={**person, "resident_id": XIGU.resident(401, "19750601")}
        )
        supported = await desks.township.call(
            screen_disabled_person,
            body={**person, "resident_id": XIGU.resident(402, "19700301"), "supporter": "able"},
        )
        assert flagged.status_code == 201 and supported.status_code == 201, supported.text
        # then the first is flagged for inclusion and the second names the rule not met
        assert (flagged.json()["status"], flagged.json()["unmet"]) == ("flagged", [])
        assert (supported.json()["status"], supported.json()["unmet"]) == (
            "not_met", ["supporter_able"],
        )  # fmt: skip
        flagged_id = flagged.json()["screening_id"]

        async def in_the_county_list() -> bool:
            answer = await desks.county.call(list_screenings, status="flagged")
            return flagged_id in {i["screening_id"] for i in answer.json()["items"]}

        await eventually(in_the_county_list, timeout=30, message="the county never saw the flag")
        waiting = (await desks.county.call(list_screenings, status="flagged")).json()["items"]
        assert supported.json()["screening_id"] not in {i["screening_id"] for i in waiting}
        # when the county includes the person, with the reason
        etag = (await desks.county.call(get_screening, screening_id=flagged_id)).headers["ETag"]
        decided = await desks.county.call(
            decide_inclusion, screening_id=flagged_id, etag=etag,
            body={"decision": "include", "reason": "符合特困人员认定条件，转乡镇受理特困供养申请"},
        )  # fmt: skip
        # then the flag is acted on, with who and when, and only once
        assert decided.status_code == 200, decided.text
        assert (decided.json()["status"], decided.json()["decided_on"]) == ("include", stack.day())
        assert decided.json()["decided_by"] == f"e2e-county_officer-{XIGU.code}"
        again = await desks.county.call(
            decide_inclusion, screening_id=flagged_id, etag=decided.headers["ETag"],
            body={"decision": "decline", "reason": "x"},
        )  # fmt: skip
        assert again.status_code == 409 and again.json()["code"] == "inclusion-already-decided"
        # and the list is not for auditors
        auditor = Clerk(stack, client, "verification", "auditor", XIGU.code)
        assert (await auditor.call(list_screenings)).status_code == 403
