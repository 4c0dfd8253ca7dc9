"""SUP-3 on the real PostgreSQL: a payment after the death of any member of the household is
flagged, unless the county resumed the benefit for the survivors with that death on record
(ADR 0066); after the applicant's death, always."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shared.clock import current_period
from shared.contracts.payments import PaymentSettled
from shared.contracts.verification import BenefitResumed, DeathReported
from tests.supervision.integration.conftest import Supervision
from tests.supervision.integration.population import Household, Ids
from tests.support import first_day, months_from


def _household(ids: Ids, case_id: str, periods: list[str]) -> Household:
    members = [
        {"resident_id": ids.resident(), "name": "某某", "relation": relation}
        for relation in ("self", "child")
    ]
    return Household(case_id, "620102001001", members, 30_000, 60_000, ids.account(),
                     periods=periods)  # fmt: skip


def _death(household: Household, member: int, died_on: str) -> DeathReported:
    person = household.members[member]
    return DeathReported(
        case_id=household.case_id, programme=household.programme,
        division_code=household.village, resident_id=person["resident_id"],
        relation=person["relation"], died_on=died_on, reported_by_department="public_security",
        source_ref=f"公安-{household.case_id}", stage_when_reported="approved",
        opens_termination_review=True,
    )  # fmt: skip


async def _paid_after_death(supervision: Supervision) -> set[tuple[str, str]]:
    await supervision.catch_up()
    async with supervision.client() as client:
        answer = await client.get(
            "/v1/alerts", params={"limit": 100, "detector": "paid_after_death"},
            headers=supervision.headers("county_officer", "620102"),
        )  # fmt: skip
    assert answer.status_code == 200, answer.text
    return {(a["case_ids"][0], a["evidence"]["period"]) for a in answer.json()["items"]}


@pytest.mark.req("SUP-3")
async def test_paid_after_a_members_death_unless_the_county_resumed_for_the_survivors(
    supervision: Supervision,
) -> None:
    first, second, third = (months_from(current_period(supervision.clock), n) for n in (-2, -1, 0))
    ids = Ids()
    # given three households of two paid the last three months
    child_died = _household(ids, "child-died", [first, second, third])
    resumed = _household(ids, "resumed", [first])
    head_died = _household(ids, "head-died", [first, second, third])
    for household in (child_died, resumed, head_died):
        for type_, data in household.events():
            await supervision.feed(type_, data)
    # when a child of the first two and the head of the third die in the first month
    died_on = f"{first}-20"
    for household, member in ((child_died, 1), (resumed, 1), (head_died, 0)):
        death = _death(household, member, died_on)
        await supervision.feed(death.TYPE, death.model_dump(mode="json"))
    # and, later, the county resumes the second household's benefit from the second month
    supervision.clock.advance(timedelta(hours=1))
    resumption = BenefitResumed(
        case_id="resumed", programme=resumed.programme, approved_monthly_amount_fen=30_000,
        effective_from=first_day(second), reason="户主健在，为生存成员恢复发放", household_size=1,
    )  # fmt: skip
    await supervision.feed(resumption.TYPE, resumption.model_dump(mode="json"))
    # and payments pays its second and third months back after the resumption
    supervision.clock.advance(timedelta(hours=1))
    for period in (second, third):
        paid = PaymentSettled.model_validate(
            {**resumed.payment(period), "settled_at": supervision.clock.now()}
        )
        await supervision.feed(paid.TYPE, paid.model_dump(mode="json"))
    # then the months after the child's death are flagged where no resumption covers them,
    # and the months after the head's death always; the resumed household's are not
    assert await _paid_after_death(supervision) == {
        ("child-died", second), ("child-died", third),
        ("head-died", second), ("head-died", third),
    }  # fmt: skip
