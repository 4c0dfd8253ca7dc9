"""VER-6: the notice of an approved household shows the amount paid and the members alive."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from payments.domain.beneficiary import EntitlementCalculated
from payments.domain.events import register_events
from shared.clock import today
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.eventstore.registry import EventRegistry
from tests.support import first_day, months_from
from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import decide, proposed_batch, visit
from tests.verification.support import COUNTY, TOWNSHIP, VILLAGE, propose, recorded, resident


def computed(case_id: str, amount: int, effective_from: str) -> RecordedEvent:
    """payments.EntitlementCalculated as payments' registry writes it."""
    registry = EventRegistry()
    register_events(registry)
    event = EntitlementCalculated(
        case_id,
        "urban_dibao",
        amount,
        date.fromisoformat(effective_from),
        "gap",
        70_000,
        "dibao gap",
        "差额",
    )
    metadata = EventMetadata(Actor.system("payments"), "kafka", "纳入发放", None, None, case_id)
    new = registry.serialize(event, metadata)
    return recorded(new.type, new.data, case_id)


async def approved_by_rule(v: Verifying) -> str:
    """Given one household approved by the programme's rule (no amount of the county's)."""
    batch = await proposed_batch(v, n=1)
    await visit(v, batch, batch["sample"][0])
    case_id = batch["households"][0].split("/")[0]
    await v.township.step(case_id, "notice", {})
    v.clock.advance(timedelta(days=8))
    answer = await decide(v, case_id)
    assert answer.status_code == 200 and answer.json()["amount_basis"] == "rule", answer.text
    return case_id


async def board_entry(v: Verifying) -> dict[str, object]:
    await v.runtime.projections.catch_up_all()
    notice = await v.as_("village_committee", VILLAGE).get(f"/v1/notices/{VILLAGE}")
    assert notice.status_code == 200, notice.text
    [entry] = notice.json()["entries"]
    return dict(entry)


async def deliver(v: Verifying, event: RecordedEvent) -> None:
    async with v.runtime.engine.begin() as conn:
        await v.runtime.handlers["verification.payments"](event, conn)


@pytest.mark.req("VER-6")
async def test_a_household_approved_by_rule_shows_the_amount_payments_pays(
    verifying: Verifying,
) -> None:
    # given a household approved by rule (the township proposed 60,000 fen)
    case_id = await approved_by_rule(verifying)
    now = today(verifying.clock)
    # while payments has computed nothing yet, the notice shows no amount rather than a wrong one
    assert "amount_fen" not in await board_entry(verifying)
    # when payments computes 42,000 fen from today, and a raise to 45,000 from next month
    await deliver(verifying, computed(case_id, 42_000, now.isoformat()))
    next_month = first_day(months_from(now.strftime("%Y-%m"), 1))
    await deliver(verifying, computed(case_id, 45_000, next_month))
    # then the notice shows the amount in force today, and the raise once it is
    assert (await board_entry(verifying))["amount_fen"] == 42_000
    verifying.clock.advance(timedelta(days=40))
    assert (await board_entry(verifying))["amount_fen"] == 45_000


@pytest.mark.req("VER-6", "VER-7")
async def test_a_member_reported_dead_leaves_the_notice_when_the_survivors_are_paid(
    verifying: Verifying,
) -> None:
    # given a two-person household approved (the head 100 and the spouse 150)
    head, spouse = resident("100"), resident("150")
    await verifying.open_case("case-00", [head, spouse])
    await propose(verifying.township, "case-00")
    body = {
        "township_code": TOWNSHIP,
        "cases": [{"case_id": "case-00", "programme": "urban_dibao"}],
    }
    batch = (await verifying.county.post("/v1/batches", body)).json()
    await visit(verifying, batch, batch["sample"][0])
    await verifying.township.step("case-00", "notice", {})
    verifying.clock.advance(timedelta(days=8))
    fixed = {"override_monthly_amount_fen": 80_000, "override_reason": "两人户核定"}
    assert (await decide(verifying, "case-00", **fixed)).status_code == 200
    assert (await board_entry(verifying))["members"] == ["成员0", "成员1"]
    # when public security reports the spouse dead and the county pays the survivor again
    died_on = today(verifying.clock)
    police = verifying.as_("public_security", COUNTY)
    record = {"kind": "death", "resident_id": spouse, "died_on": died_on.isoformat(),
              "source_ref": "公安-150", "reported_by_department": "public_security"}  # fmt: skip
    assert (await police.post("/v1/life-events", {"records": [record]})).status_code == 200
    from_next_month = first_day(months_from(died_on.strftime("%Y-%m"), 1))
    resumed = await verifying.county.step("case-00", "resumption", {
        "approved_monthly_amount_fen": 40_000, "effective_from": from_next_month,
        "reason": "配偶死亡，按一人户恢复发放"})  # fmt: skip
    assert resumed.status_code == 200, resumed.text
    # then the notice lists the survivor alone, one person, at the amount set for them
    verifying.clock.advance(timedelta(days=40))
    entry = await board_entry(verifying)
    assert (entry["members"], entry["household_size"], entry["amount_fen"]) == (
        ["成员0"], 1, 40_000
    )  # fmt: skip
