"""The end of a child's allowance through verification's API on the real store (PAY-9, ADR
0042): a grant carries the province's age limit, its policy version and the last month paid;
the county ends a grant early from the next month, with If-Match and once, and no one else."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from shared.identity import check_char
from tests.support import first_day, months_from
from tests.verification.conftest import Verifying
from tests.verification.integration.test_care_register import CHILD, child_id_number
from tests.verification.support import TODAY

END = {"reason_code": "adoption", "reason": "已被依法收养，收养人具备抚养能力",
       "policy_basis": "孤儿保障办法第十二条"}  # fmt: skip
GRANT = {"allowance": "orphan_allowance", "decision": "grant", "reason": "符合条件",
         "effective_from": TODAY.isoformat(), "policy_basis": "孤儿保障办法"}  # fmt: skip


async def registered(verifying: Verifying, sequence: int, **changes: Any) -> str:
    """A child on the register; its id."""
    body = {**CHILD, "resident_id": child_id_number(sequence), **changes}
    answer = await verifying.township.post("/v1/children", body)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["child_id"])


@pytest.mark.req("PAY-9", "GEN-4", "GEN-8")
async def test_a_grant_carries_the_age_limit_and_the_county_ends_it_from_next_month(
    verifying: Verifying,
) -> None:
    # given the province's age limit of 20 from today (a county may not set its own)
    province = verifying.as_("province_officer", "62")
    setting = {"value": 20, "effective_from": TODAY.isoformat(), "scope": "62",
               "reason": "省厅通知：在校就读的延长至20周岁"}  # fmt: skip
    by_county = await verifying.county.client.put(
        "/v1/policy/child_allowance_age_limit", json={**setting, "scope": "620102"},
        headers=verifying.county.headers(),
    )  # fmt: skip
    assert (by_county.status_code, by_county.json()["code"]) == (422, "invalid-policy-scope")
    put = await province.client.put(
        "/v1/policy/child_allowance_age_limit", json=setting, headers=province.headers()
    )
    assert put.status_code == 200, put.text
    version = put.json()["version"]
    # when the county grants an orphan born on 1 January ten years ago the allowance
    child = f"/v1/children/{await registered(verifying, 601)}"
    granted = await verifying.county.post(f"{child}/allowance-assessments", GRANT, if_match=1)
    assert granted.status_code == 200, granted.text
    # then the grant shows the limit and pays through January of the year the child is 20
    shown = granted.json()["assessments"][0]
    assert (shown["age_limit"], shown["last_paid_period"]) == (20, f"{TODAY.year + 10}-01")
    [event] = await verifying.events("verification.ChildAllowanceAssessed")
    assert (event["age_limit"], event["age_limit_policy_version"]) == (20, version)
    # when the end is asked without If-Match, stale, by the township, another county, or
    # with an unknown reason
    refused = [
        await verifying.county.post(f"{child}/allowance-end", END),
        await verifying.county.post(f"{child}/allowance-end", END, if_match=1),
        await verifying.township.post(f"{child}/allowance-end", END, if_match=2),
        await verifying.as_("county_officer", "620103").post(
            f"{child}/allowance-end", END, if_match=2
        ),
        await verifying.county.post(
            f"{child}/allowance-end", {**END, "reason_code": "grew_up"}, if_match=2
        ),
    ]
    # then each is refused and nothing is written
    assert [r.status_code for r in refused] == [428, 412, 403, 403, 422]
    assert refused[-1].json()["errors"][0]["field"] == "body.reason_code"
    assert await verifying.events("verification.ChildAllowanceEnded") == []
    # when the county ends it with the reason and the policy
    answer = await verifying.county.post(f"{child}/allowance-end", END, if_match=2)
    # then payments is told to pay nothing from the next month's first day: who, when, why
    assert answer.status_code == 200 and answer.headers["ETag"] == '"3"', answer.text
    end = answer.json()["allowance_end"]
    next_month = first_day(months_from(f"{TODAY:%Y-%m}", 1))
    assert (end["effective_from"], end["reason_code"], end["decided_on"]) == (
        next_month, "adoption", TODAY.isoformat(),
    )  # fmt: skip
    [ended] = await verifying.events("verification.ChildAllowanceEnded")
    assert ended["decided_by"] == "c-county_officer-620102"
    assert (ended["policy_basis"], ended["reason"]) == (END["policy_basis"], END["reason"])
    # and it is ended once; a child without a grant has nothing to end
    again = await verifying.county.post(f"{child}/allowance-end", END, if_match=3)
    assert (again.status_code, again.json()["code"]) == (409, "allowance-already-ended")
    other = f"/v1/children/{await registered(verifying, 602, category='left_behind')}"
    nothing = await verifying.county.post(f"{other}/allowance-end", END, if_match=1)
    assert (nothing.status_code, nothing.json()["code"]) == (409, "no-allowance-to-end")
    # and the register's list no longer shows the allowance
    await verifying.runtime.projections.catch_up_all()
    listed = (await verifying.county.get("/v1/children?category=orphan")).json()["items"]
    assert [(i["allowance"], i["version"]) for i in listed] == [(None, 3)]
    assert date.fromisoformat(next_month) > TODAY


def born_on(day: date, sequence: int) -> str:
    """The resident ID of a child born on `day`."""
    first17 = f"620102{day:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)


@pytest.mark.req("PAY-9", "VER-10", "GEN-8")
async def test_an_allowance_that_ended_at_the_age_limit_cannot_be_ended_again(
    verifying: Verifying,
) -> None:
    # given an orphan who turns 18 next month, granted the allowance today
    eighteenth = date(TODAY.year, TODAY.month, 1) + timedelta(days=40)
    born = eighteenth.replace(year=eighteenth.year - 18)
    child = f"/v1/children/{await registered(verifying, 603, resident_id=born_on(born, 603))}"
    granted = await verifying.county.post(f"{child}/allowance-assessments", GRANT, if_match=1)
    assert granted.status_code == 200, granted.text
    last_paid = granted.json()["assessments"][0]["last_paid_period"]
    assert last_paid == f"{eighteenth:%Y-%m}"
    # when the service's clock passes the month the child turned 18
    verifying.clock.advance(eighteenth + timedelta(days=40) - TODAY)
    # then the allowance has ended at the age limit: the county cannot end it again
    answer = await verifying.county.post(f"{child}/allowance-end", END, if_match=2)
    assert answer.status_code == 409, answer.text
    assert answer.json()["code"] == "allowance-already-ended"
    assert answer.json()["field"] == "child_id"
    assert last_paid in answer.json()["detail"]
    assert await verifying.events("verification.ChildAllowanceEnded") == []


@pytest.mark.req("VER-10", "PAY-9", "GEN-8")
async def test_an_allowance_cannot_start_before_the_child_was_born(verifying: Verifying) -> None:
    # given a child born a month ago
    born = TODAY - timedelta(days=30)
    child = f"/v1/children/{await registered(verifying, 604, resident_id=born_on(born, 604))}"
    # when the county grants the allowance from a year ago
    before_birth = {**GRANT, "effective_from": (TODAY - timedelta(days=365)).isoformat()}
    answer = await verifying.county.post(f"{child}/allowance-assessments", before_birth, if_match=1)
    # then it is refused at the effective date, and nothing is recorded
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == "effective_from"
    assert await verifying.events("verification.ChildAllowanceAssessed") == []
    # and a grant from the day of birth is accepted
    from_birth = {**GRANT, "effective_from": born.isoformat()}
    answer = await verifying.county.post(f"{child}/allowance-assessments", from_birth, if_match=1)
    assert answer.status_code == 200, answer.text
