"""Relief goods over HTTP (PAY-10): If-Match on the stock, one rule: none before the first
receipt, the current version after, and always to issue; the caller's county checked before it.
The stock's events name no case but a household's."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.payments.support import COUNTY, TODAY, Payments
from tests.support import days_from

pytestmark = pytest.mark.req("PAY-10", "GEN-8")

DISASTER = "chengguan-hail"
GOODS = f"/v1/disasters/{DISASTER}/goods"
RECEIPT = {
    "item": "quilt",
    "quantity": 10,
    "received_on": days_from(TODAY, -1),
    "source": "省级救灾物资储备库调拨",
    "document_ref": "甘民救〔2026〕7号",
}
ISSUE = {
    "household_id": "cg-h1",
    "division_code": "620102001001",
    "category": "other",
    "item": "quilt",
    "quantity": 2,
    "issued_on": days_from(TODAY, -1),
    "recipient_name": "马秀兰",
    "signature_ref": "城关区-签收-0001",
}
DECLARATION = {
    "disaster_id": DISASTER,
    "county_code": COUNTY,
    "name": "城关区冰雹灾害",
    "occurred_on": days_from(TODAY, -3),
    "allocation_fen": 100_000,
    "reason": "区应急管理局核定灾情",
}


async def declare(payments: Payments, client: httpx.AsyncClient) -> None:
    declared = await client.post("/v1/disasters", json=DECLARATION, headers=payments.headers())
    assert declared.status_code == 201, declared.text


async def post(
    payments: Payments,
    client: httpx.AsyncClient,
    kind: str,
    body: dict[str, Any],
    etag: str | None = None,
    division: str = COUNTY,
) -> httpx.Response:
    if_match = {"If-Match": etag} if etag else {}
    headers = {**payments.headers("county_officer", division), **if_match}
    return await client.post(f"{GOODS}/{kind}", json=body, headers=headers)


async def test_the_stock_takes_if_match_once_it_exists_and_always_to_issue(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given a declared disaster with nothing received yet (its stock at version 0)
        await declare(payments, client)
        # when goods are issued without If-Match, or on the empty stock's ETag
        blind = await post(payments, client, "issues", ISSUE)
        empty = await post(payments, client, "issues", ISSUE, '"0"')
        # then the first needs If-Match and the second finds nothing in stock
        assert blind.status_code == 428, blind.text
        assert (empty.status_code, empty.json()["code"]) == (409, "insufficient-stock")
        # when the first goods are received (no If-Match: the stock is new)
        received = await post(payments, client, "receipts", RECEIPT)
        assert received.status_code == 201, received.text
        assert received.headers["ETag"] == '"1"'
        # then more goods need the current ETag: refused without it, or on a stale one
        again = await post(payments, client, "receipts", RECEIPT)
        stale = await post(payments, client, "receipts", RECEIPT, '"0"')
        assert (again.status_code, stale.status_code) == (428, 412)
        # and another county's officer is refused before anything else, If-Match or not
        for etag in (None, '"1"'):
            elsewhere = await post(payments, client, "receipts", RECEIPT, etag, "620103")
            assert elsewhere.status_code == 403, elsewhere.text
        # when goods are issued on the current ETag, the answer is the stock, as before (201)
        issued = await post(payments, client, "issues", ISSUE, '"1"')
        assert issued.status_code == 201, issued.text
        assert (issued.headers["ETag"], issued.json()["version"]) == ('"2"', 2)
        assert issued.json()["items"][0]["in_stock"] == 8
    # and the receipt names no case (keyed by its stream), the issue the household's case
    events = await payments.runtime.store.read_stream(f"relief-goods-{DISASTER}")
    assert [(e.type, e.metadata.case_id) for e in events] == [
        ("payments.ReliefGoodsReceived", None),
        ("payments.ReliefGoodsIssued", f"disaster:{DISASTER}:cg-h1"),
    ]
    [declared] = await payments.runtime.store.read_stream(f"disaster-{DISASTER}")
    assert declared.metadata.case_id is None and declared.case_id == f"disaster-{DISASTER}"
