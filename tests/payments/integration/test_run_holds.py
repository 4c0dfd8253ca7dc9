"""A programme short of money need not hold up the others (PAY-7, ADR 0067): the county may start
the run holding the short programmes whole, their months recorded unpayable for want of funds.

Fixture (fen): urban dibao 700 yuan a person, rural dibao 500 yuan; each household 3 members with
1,000 yuan income: urban 110,000 a month, rural 50,000. Urban money is in; rural money is not.
"""

from __future__ import annotations

import httpx
import pytest

from tests.payments.integration.test_run_funds import paid, unpayable_for_want_of_funds
from tests.payments.integration.test_runs import DECISIONS
from tests.payments.support import COUNTY, PERIOD, SINCE, Payments, approved, fund

URBAN_MONTHLY = 110_000


async def standards(payments: Payments, client: httpx.AsyncClient) -> None:
    """The county's urban and rural dibao standards."""
    for programme, per_person in (("urban_dibao", 70_000), ("rural_dibao", 50_000)):
        answer = await client.post(
            "/v1/standards",
            json={"division_code": COUNTY, "programme": programme, "effective_from": SINCE,
                  "monthly_per_person_fen": per_person, "reason": "县标准"},
            headers=payments.headers(),
        )  # fmt: skip
        assert answer.status_code == 201, answer.text


async def start(payments: Payments, client: httpx.AsyncClient, **options: object) -> httpx.Response:
    return await client.post(
        "/v1/runs",
        json={"county_code": COUNTY, "period": PERIOD, "reason": "月度发放", **options},
        headers=payments.headers(),
    )


@pytest.mark.req("PAY-7")
async def test_a_run_holding_a_short_programme_pays_the_funded_ones(payments: Payments) -> None:
    async with payments.client() as client:
        # given an urban and a rural household, and money for the urban one only
        await standards(payments, client)
        await payments.consume(DECISIONS, approved("urban"))
        await payments.consume(DECISIONS, approved("rural", programme="rural_dibao"))
        await fund(payments, client, URBAN_MONTHLY)
        # when the county starts the run as it stands, it is refused naming the short programme
        refused = await start(payments, client)
        assert refused.status_code == 409, refused.text
        assert refused.json()["short_programmes"] == ["rural_dibao"]
        assert "hold_short_programmes" in refused.json()["detail"]
        # and holding and overriding at once is refused naming the field
        both = await start(
            payments, client, hold_short_programmes=True, funds_override_reason="先行垫付"
        )
        assert both.status_code == 422, both.text
        assert both.json()["errors"][0]["field"] == "body.hold_short_programmes"
        # when it starts the run holding the short programme
        started = await start(payments, client, hold_short_programmes=True)
        assert started.status_code == 201, started.text
        await payments.settle_projections()
        assert await payments.runtime.app.state.executor.execute(started.json()["run_id"])
        await payments.settle_projections()
        # then the urban household is paid and the rural one waits for its money
        assert await paid(payments, client, "urban") == {PERIOD: URBAN_MONTHLY}
        assert await unpayable_for_want_of_funds(payments) == [("rural", PERIOD)]
        # and the run's start records what it held
        run = await payments.runtime.store.read_stream(f"run-{COUNTY}-{PERIOD}")
        assert run[0].data["held_programmes"] == ["rural_dibao"]
