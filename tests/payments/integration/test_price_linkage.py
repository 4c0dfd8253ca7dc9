"""Price linkage: the subsidy is paid in the months the trigger holds, and stops (PAY-5).

Hand-computed: a household of 3 owed 1,100 yuan; subsidy 40 yuan per person when CPI ≥ 3.5% or
food CPI ≥ 6%. Around the pinned clock's month M (November 2026): M−1 (CPI 3.0%, food 5.5%)
pays 110,000 fen; M (CPI 3.6%) pays 110,000 + 3 × 4,000 = 122,000; M+1 (CPI 2.0%, food 6.0%)
pays 122,000 again (food at the threshold); M+2 (CPI 2.0%, food 4.0%) lapses: 110,000.
"""

from __future__ import annotations

import pytest

from tests.payments.integration.test_runs import DECISIONS, set_standard, start_and_execute
from tests.payments.support import PERIOD, Payments, approved
from tests.support import months_from

LAST, NEXT, AFTER_NEXT, THIRD = (months_from(PERIOD, n) for n in (-1, 1, 2, 3))
MONTHS = [
    (LAST, 300, 550),
    (PERIOD, 360, 100),
    (NEXT, 200, 600),
    (AFTER_NEXT, 200, 400),
]


@pytest.mark.req("PAY-5")
async def test_the_price_subsidy_follows_the_trigger(payments: Payments) -> None:
    async with payments.client() as client:
        # given a household and the province's parameters (default thresholds, 40 yuan/person)
        await set_standard(payments, client)
        await payments.consume(DECISIONS, approved("case-p", size=3, income=100_000))
        province = payments.headers("province_officer", "620000")
        configured = await client.post(
            "/v1/price-linkage/parameters",
            json={"subsidy_per_person_fen": 4_000, "reason": "物价联动机制"},
            headers=province,
        )
        assert configured.status_code == 201, configured.text
        etag = configured.headers["ETag"]
        # when each month's indices are ingested and the month's run is paid
        for month, cpi, food in MONTHS:
            recorded = await client.post(
                "/v1/price-linkage/indices",
                json={"month": month, "cpi_yoy_bp": cpi, "food_cpi_yoy_bp": food},
                headers={**payments.headers("province_officer", "620000"), "If-Match": etag},
            )
            assert recorded.status_code == 201, recorded.text
            etag = recorded.headers["ETag"]
            await start_and_execute(payments, client, month)
        # and a month cannot be recorded twice
        again = await client.post(
            "/v1/price-linkage/indices",
            json={"month": PERIOD, "cpi_yoy_bp": 1, "food_cpi_yoy_bp": 1},
            headers={**payments.headers("province_officer", "620000"), "If-Match": etag},
        )
        assert again.status_code == 409
        # and a county officer cannot set the indices
        county = await client.post(
            "/v1/price-linkage/indices",
            json={"month": THIRD, "cpi_yoy_bp": 1, "food_cpi_yoy_bp": 1},
            headers={**payments.headers(), "If-Match": etag},
        )
        assert county.status_code == 403
        ledger = (
            await client.get(
                "/v1/beneficiaries/case-p/urban_dibao/payments", headers=payments.headers()
            )
        ).json()["items"]
        state = (await client.get("/v1/price-linkage", headers=payments.headers())).json()
    # then the subsidy is paid exactly in the triggered months
    assert [(p["period"], p["amount_fen"], p["price_subsidy_fen"]) for p in ledger] == [
        (LAST, 110_000, 0),
        (PERIOD, 122_000, 12_000),
        (NEXT, 122_000, 12_000),
        (AFTER_NEXT, 110_000, 0),
    ]
    assert [m["triggered"] for m in state["months"].values()] == [False, True, True, False]
