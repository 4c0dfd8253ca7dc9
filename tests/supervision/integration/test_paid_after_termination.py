"""SUP-3 on the real PostgreSQL: a back-dated termination does not turn the months paid before it
was decided into irregular payments; a payment sent after the decision, for a month it ended, is."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shared.contracts.payments import PaymentSettled
from shared.contracts.verification import BenefitTerminated
from tests.supervision.integration.conftest import Supervision
from tests.supervision.integration.population import LAST, PERIOD, Ids, clean_population
from tests.support import first_day


@pytest.mark.req("SUP-3")
async def test_a_back_dated_termination_flags_only_payments_sent_after_it_was_recorded(
    supervision: Supervision,
) -> None:
    ids = Ids()
    household = clean_population(ids, 1)[0]
    # given a household paid last month and this one (both settled before today)
    for type_, data in household.events():
        await supervision.feed(type_, data)
    assert all(
        PaymentSettled.model_validate(household.payment(p)).settled_at < supervision.clock.now()
        for p in (LAST, PERIOD)
    )
    # when the county terminates its benefit today, back-dated to the start of last month
    ended = BenefitTerminated(case_id=household.case_id, programme=household.programme,
                              effective_from=first_day(LAST), reason="收入超标")  # fmt: skip
    await supervision.feed(ended.TYPE, ended.model_dump(mode="json"))
    # and, an hour later, a run still pays this month again (a retried instruction)
    supervision.clock.advance(timedelta(hours=1))
    late = PaymentSettled.model_validate({
        **household.payment(PERIOD), "payment_id": "late-1",
        "instruction_id": "late-1-instruction", "settled_at": supervision.clock.now(),
    })  # fmt: skip
    await supervision.feed(late.TYPE, late.model_dump(mode="json"))
    # then only the payment sent after the termination was recorded is flagged
    await supervision.catch_up()
    async with supervision.client() as client:
        answer = await client.get(
            "/v1/alerts", params={"limit": 50, "detector": "paid_after_termination"},
            headers=supervision.headers("county_officer", "620102"),
        )  # fmt: skip
    assert answer.status_code == 200, answer.text
    alerts = answer.json()["items"]
    assert [a["evidence"]["payment_id"] for a in alerts] == ["late-1"]
    assert alerts[0]["evidence"]["terminated_from"] == first_day(LAST)
